import time
import asyncio
import functools

def loop_stop(loop, future):
    loop.stop()

async def work(t):
    print('start')
    await asyncio.sleep(t)
    print('after {}s stop'.format(t))

def main():
    loop = asyncio.get_event_loop()
    tasks = asyncio.gather(work(1), work(2))
    tasks.add_done_callback(functools.partial(loop_stop, loop))
    loop.run_forever()
    loop.close()

if __name__ == '__main__':
    start = time.time()
    main()
    end = time.time()
    print('耗时:{:.4f}s'.format(end - start))
