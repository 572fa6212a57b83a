# Seed 004, section 8 ("stopping coroutines"): Ctrl-C while three tasks sleep. The seed drives
# the loop by hand and catches KeyboardInterrupt around run_until_complete; since Python 3.11
# asyncio.run does the same for the main task: the first SIGINT cancels it, so its except and
# finally blocks run, and asyncio.run raises KeyboardInterrupt. The expected output was made by
# sending SIGINT right after the three "Waiting" lines.
import asyncio
import sys
import time

UNIT = float(sys.argv[1]) / 1000 if len(sys.argv) > 1 else 1.0

async def do_some_work(x):
    print('Waiting: ', x, flush=True)
    try:
        await asyncio.sleep(x * UNIT)
    finally:
        print('Cleaning up: ', x, flush=True)
    return 'Done after {}s'.format(x)

async def main():
    tasks = [asyncio.ensure_future(do_some_work(1)), asyncio.ensure_future(do_some_work(2)),
             asyncio.ensure_future(do_some_work(2))]
    try:
        await asyncio.wait(tasks)
    except asyncio.CancelledError:
        for task in tasks:
            print(task)
        for task in tasks:
            print(task.cancel())
        raise

start = time.time()
try:
    asyncio.run(main())
except KeyboardInterrupt:
    print('KeyboardInterrupt')
print('TIME: ', time.time() - start)
