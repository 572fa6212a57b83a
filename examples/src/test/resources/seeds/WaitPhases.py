# Seed 001 §1.6.1: wait() for several phases. Two changes for Python 3.11: wait() no longer takes
# bare coroutines (they are wrapped in tasks first), and the results of the 'completed' set are
# printed sorted, since a set's order is arbitrary.
import asyncio

async def phase(i):
    print('in phase {}'.format(i))
    await asyncio.sleep(0.1 * i)
    print('done with phase {}'.format(i))
    return 'phase {} result'.format(i)

async def main(num_phases):
    print('starting main')
    phases = [
        asyncio.ensure_future(phase(i))
        for i in range(num_phases)
    ]
    print('waiting for phases to complete')
    completed, pending = await asyncio.wait(phases)
    results = sorted(t.result() for t in completed)
    print('results: {!r}'.format(results))

event_loop = asyncio.new_event_loop()
try:
    event_loop.run_until_complete(main(3))
finally:
    event_loop.close()
