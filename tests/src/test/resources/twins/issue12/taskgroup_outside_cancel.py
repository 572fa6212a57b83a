import asyncio
async def failing():
    await asyncio.sleep(0.01)
    raise ValueError("child failed")
async def sleeper():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("sleeper cancelled"); raise
async def parent():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing())
            tg.create_task(sleeper())
    except* ValueError as eg:
        print("caught", repr(eg.exceptions), "cancelling", asyncio.current_task().cancelling())
    try:
        await asyncio.sleep(0.1)
        print("second await returned")
    except asyncio.CancelledError:
        print("second await raised CancelledError")
        raise
    return "normal end"
async def main():
    t = asyncio.create_task(parent())
    await asyncio.sleep(0.01)  # child fails in this iteration; cancel parent from outside
    print("outside cancel ->", t.cancel())
    try:
        print("result", await t)
    except asyncio.CancelledError:
        print("parent ended cancelled:", t.cancelled(), "cancelling", t.cancelling())
    # cancelling a finished group's task / bad input
    print("cancel finished ->", t.cancel())
asyncio.run(main())
