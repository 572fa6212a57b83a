# Seed 001 §1.6.1: wait() with a timeout, then cancel what is pending. For Python 3.11 the
# coroutines are wrapped in tasks before wait(). The timeout is 0.05 instead of 0.1: at 0.1 it falls
# due together with phase 1's sleep, and which of the two runs first then depends on how late the
# loop wakes — in Python as in Java — so the printed order would be a race.
import asyncio

async def phase(i):
    print('in phase {}'.format(i))
    try:
        await asyncio.sleep(0.1 * i)
    except asyncio.CancelledError:
        print('phase {} canceled'.format(i))
        raise
    else:
        print('done with phase {}'.format(i))
        return 'phase {} result'.format(i)

async def main(num_phases):
    print('starting main')
    phases = [
        asyncio.ensure_future(phase(i))
        for i in range(num_phases)
    ]
    print('waiting 0.05 for phases to complete')
    completed, pending = await asyncio.wait(phases, timeout=0.05)
    print('{} completed and {} pending'.format(
        len(completed), len(pending),
    ))
    if pending:
        print('canceling tasks')
        for t in pending:
            t.cancel()
    print('exiting main')

event_loop = asyncio.new_event_loop()
try:
    event_loop.run_until_complete(main(3))
finally:
    event_loop.close()
