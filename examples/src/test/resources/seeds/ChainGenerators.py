import asyncio
import inspect
import types

# The seed uses @asyncio.coroutine, which Python 3.11 removed. This shim restores its non-debug
# behaviour from Python 3.10 (Lib/asyncio/coroutines.py): a generator function becomes a
# generator-based coroutine as it is; any other function becomes one that returns its value.
# Everything below the shim is the seed program, unchanged.
def _coroutine(func):
    if inspect.isgeneratorfunction(func):
        return types.coroutine(func)

    def coro(*args, **kw):
        res = func(*args, **kw)
        if asyncio.isfuture(res) or inspect.isgenerator(res):
            res = yield from res
        return res
    return types.coroutine(coro)

asyncio.coroutine = _coroutine

@asyncio.coroutine
def outer():
    print('in outer')
    print('waiting for result1')
    result1 = yield from phase1()
    print('waiting for result2')
    result2 = yield from phase2(result1)
    return (result1, result2)

@asyncio.coroutine
def phase1():
    print('in phase1')
    return 'result1'

@asyncio.coroutine
def phase2(arg):
    print('in phase2')
    return 'result2 derived from {}'.format(arg)

event_loop = asyncio.get_event_loop()
try:
    return_value = event_loop.run_until_complete(outer())
    print('return value: {!r}'.format(return_value))
finally:
    event_loop.close()
