import asyncio
async def child(log, name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        log.append(f"{name} cancelled"); raise
async def body(log):
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child(log, "c1"))
        tg.create_task(child(log, "c2"))
async def main():
    log = []
    t = asyncio.create_task(body(log))
    await asyncio.sleep(0)
    log.append(f"cancel {t.cancel()} {t.cancel()}")
    for i in range(3):
        try: await t
        except asyncio.CancelledError: log.append(f"await {i} cancelled")
    log.append(f"cancelled={t.cancelled()} cancelling={t.cancelling()} cancel again={t.cancel()}")
    g = asyncio.gather(child(log, "g1"), child(log, "g2"))
    await asyncio.sleep(0)
    log.append(f"gcancel {g.cancel()} {g.cancel()}")
    try: await g
    except asyncio.CancelledError: log.append("gather cancelled")
    log.append(f"gcancel finished {g.cancel()}")
    await asyncio.sleep(0)
    log.append(f"tasks left {len(asyncio.all_tasks())}")
    print(log)
asyncio.run(main())
