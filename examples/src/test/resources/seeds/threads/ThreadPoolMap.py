# Seed 004, section 6 ("thread pools"): ThreadPoolExecutor(3).map(func, range(6)), done the asyncio
# way: to_thread on a default executor of 3 threads, gathered in argument order. The sleep is the
# seed's divided by 10.
import asyncio
import time
from concurrent import futures

def func(num):
    print('---hyl')
    time.sleep(0.2)
    return ('this is return', num)

async def main():
    asyncio.get_running_loop().set_default_executor(futures.ThreadPoolExecutor(3))
    result = await asyncio.gather(*[asyncio.to_thread(func, n) for n in range(6)])
    for each in result:
        print(each)

asyncio.run(main())
