import asyncio
async def victim():
    await asyncio.sleep(1)
async def awaiter(t, out):
    try:
        await t
    except asyncio.CancelledError as e:
        out.append(e)
async def main():
    t = asyncio.create_task(victim())
    out = []
    ws = [asyncio.create_task(awaiter(t, out)) for _ in range(3)]
    await asyncio.sleep(0)
    print(t.cancel("stop"), t.cancel("again"))
    await asyncio.gather(*ws)
    for _ in range(2):
        try:
            await t
        except asyncio.CancelledError as e:
            out.append(e)
    try: t.result()
    except asyncio.CancelledError as e: out.append(e)
    try: t.exception()
    except asyncio.CancelledError as e: out.append(e)
    print([ (e.args, id(e) == id(out[0])) for e in out])
asyncio.run(main())
