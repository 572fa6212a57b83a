import asyncio, contextlib
async def ticker(name):
    try:
        for i in range(100):
            await asyncio.sleep(0.01)
            yield i
    finally:
        print(name, "finally start")
        await asyncio.sleep(0.01)
        print(name, "finally end")
async def quick_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("quick finally")
async def main():
    async with contextlib.aclosing(quick_cleanup()) as g:
        async for v in g:
            break
    print("after aclosing block")
    async with contextlib.aclosing(ticker("closing")) as g:
        async for v in g:
            if v == 1: break
    print("after aclosing block with awaiting finally")
    g2 = ticker("left open")
    print("first", await anext(g2))
    done = quick_cleanup()
    async for v in done: pass
    print("exhausted; aclose again:", await done.aclose())
    unstarted = ticker("never started")
    print("main returns")
    return g2
asyncio.run(main())
print("after run")
