import asyncio, gc
async def fails():
    raise ValueError("boom")
def bad_callback():
    raise KeyError("cb")
async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda l, ctx: print("HANDLER", sorted(ctx.keys()), ctx["message"], repr(ctx.get("exception"))))
    loop.call_soon(bad_callback)
    asyncio.create_task(fails(), name="t1")
    await asyncio.sleep(0.01); gc.collect(); await asyncio.sleep(0.01)
asyncio.run(main())
