import asyncio
async def slow():
    try:
        await asyncio.sleep(1)
        yield 1
    finally:
        print("slow finally")
async def bad_cleanup():
    try:
        yield 1
    finally:
        raise ValueError("cleanup failed")
async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda l, c: print("HANDLER", c["message"][:55], repr(c.get("exception")), "asyncgen" in c))
    g = slow()
    t = asyncio.create_task(anext(g))
    await asyncio.sleep(0)
    try:
        await g.aclose()
    except RuntimeError as e:
        print("aclose while running:", e)
    t.cancel()
    try: await t
    except asyncio.CancelledError: print("consumer cancelled")
    b = bad_cleanup()
    await anext(b)
    return b
asyncio.run(main())
print("after run")
