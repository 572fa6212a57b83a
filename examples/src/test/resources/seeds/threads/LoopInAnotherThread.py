# Seed 004, section 9 ("event loops in other threads"): a loop runs for ever on a second thread
# and the main thread hands it plain functions with call_soon_threadsafe. The sleeps are the
# seed's divided by 10; the seed's loop never stops, so this one is stopped at the end.
import asyncio
import time
from threading import Thread

def start_loop(loop):
    asyncio.set_event_loop(loop)
    loop.run_forever()

def more_work(x):
    print('More work {}'.format(x))
    time.sleep(x / 10)
    print('Finished more work {}'.format(x))

start = time.time()
new_loop = asyncio.new_event_loop()
t = Thread(target=start_loop, args=(new_loop,))
t.start()
print('TIME: {:.6f}'.format(time.time() - start))
new_loop.call_soon_threadsafe(more_work, 6)
new_loop.call_soon_threadsafe(more_work, 3)
new_loop.call_soon_threadsafe(new_loop.stop)
t.join()
new_loop.close()
