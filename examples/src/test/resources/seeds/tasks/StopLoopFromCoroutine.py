import asyncio

async def work(loop, t):
    print('start')
    await asyncio.sleep(t)
    print('after {}s stop'.format(t))
    loop.stop()

loop = asyncio.get_event_loop()
task = asyncio.ensure_future(work(loop, 1))
loop.run_forever()
loop.close()
