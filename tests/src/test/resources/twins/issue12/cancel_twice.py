import asyncio
async def sleeper():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("sleeper got", e.args, "cancelling", asyncio.current_task().cancelling())
        raise
async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    print(t.cancel("first"), t.cancel("second"))
    for i in range(3):
        try: await t
        except asyncio.CancelledError as e: print("await", i, e.args)
    print(t.cancelled(), t.cancel("third"), t.cancelling())
    u = asyncio.create_task(sleeper())
    print(u.cancel("a"), u.cancel("b"))  # not started
    try: await u
    except asyncio.CancelledError as e: print("unstarted", e.args)
asyncio.run(main())
