# asyncio.run_coroutine_threadsafe from a plain thread to a loop running on another (seed 004,
# section 9, with coroutines instead of plain functions): a result, a cancellation, an error.
import asyncio
import threading

started = threading.Event()

async def do_some_work(x):
    print('Waiting', x)
    started.set()
    await asyncio.sleep(x / 10)
    return 'Done after {}s'.format(x)

async def no_work(x):
    raise ValueError('no work for {}'.format(x))

loop = asyncio.new_event_loop()
t = threading.Thread(target=loop.run_forever)
t.start()

future = asyncio.run_coroutine_threadsafe(do_some_work(2), loop)
print('Task ret:', future.result(timeout=10))

started.clear()
future = asyncio.run_coroutine_threadsafe(do_some_work(1000), loop)
started.wait(10)
print('cancel:', future.cancel())
print('cancelled:', future.cancelled())

future = asyncio.run_coroutine_threadsafe(no_work(-1), loop)
try:
    future.result(timeout=10)
except ValueError as e:
    print('Error:', e)

loop.call_soon_threadsafe(loop.stop)
t.join()
loop.close()
