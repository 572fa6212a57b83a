import asyncio, gc
async def fails(msg):
    raise ValueError(msg)
async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda l, ctx: print("REPORT:", ctx["message"], "|", ctx.get("exception"), "| task:", ctx.get("future").get_name()))
    late = asyncio.create_task(fails("awaited later"), name="late")
    await asyncio.sleep(0.05)
    try:
        await late
    except ValueError as e:
        print("caught", e)
    read = asyncio.create_task(fails("read by exception()"), name="read")
    await asyncio.sleep(0.01)
    print("exception():", read.exception())
    cb = asyncio.create_task(fails("callback only"), name="cb")
    cb.add_done_callback(lambda f: None)
    asyncio.create_task(fails("dropped"), name="dropped")
    await asyncio.sleep(0.01)
    del cb
    gc.collect()
    await asyncio.sleep(0.01)
    print("main done")
asyncio.run(main())
