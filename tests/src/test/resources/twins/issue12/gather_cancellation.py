import asyncio
log = []
async def child(name, cleanup):
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        log.append(f"{name} cancelled at {asyncio.get_running_loop().time()-t0:.0f}")
        await asyncio.sleep(cleanup)
        log.append(f"{name} cleanup done at {asyncio.get_running_loop().time()-t0:.0f}")
        raise

async def scenario(return_exceptions):
    global t0
    log.clear()
    t0 = asyncio.get_running_loop().time()
    g = asyncio.gather(child("a", 0.03), child("b", 0.01), return_exceptions=return_exceptions)
    await asyncio.sleep(0.01)
    t0 = asyncio.get_running_loop().time()
    print("cancel ->", g.cancel())
    print("cancel again ->", g.cancel())
    try:
        await g
    except asyncio.CancelledError as e:
        log.append(f"gather raised CancelledError at {(asyncio.get_running_loop().time()-t0)*1000:.0f}ms cancelled()={g.cancelled()}")
    await asyncio.sleep(0.05)
    print(return_exceptions, log)
    print("cancel finished ->", g.cancel())

async def waitfor_scenario():
    global t0
    log.clear()
    t0 = asyncio.get_running_loop().time()
    try:
        await asyncio.wait_for(asyncio.gather(child("a", 0.03), child("b", 0.01)), 0.01)
    except TimeoutError:
        log.append(f"timeout at {(asyncio.get_running_loop().time()-t0)*1000:.0f}ms")
    print("wait_for", log)

async def issue26923():
    async def quick(v):
        return v
    g = asyncio.gather(quick(1), quick(2))
    await asyncio.sleep(0)  # children run and finish; gather's callbacks scheduled
    print("children done:", all(c.done() for c in g._children), "gather done:", g.done())
    print("cancel ->", g.cancel())
    print("result:", await g)

async def main():
    await scenario(False)
    await scenario(True)
    await waitfor_scenario()
    await issue26923()
asyncio.run(main())
