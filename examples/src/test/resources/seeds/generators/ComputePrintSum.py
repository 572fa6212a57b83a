import asyncio
import inspect
import types

# The seed uses @asyncio.coroutine, which Python 3.11 removed. This shim restores its non-debug
# behaviour from Python 3.10 (Lib/asyncio/coroutines.py): a generator function becomes a
# generator-based coroutine as it is; any other function becomes one that returns its value.
# Everything below the shim is the seed program (seed 004, section 8), unchanged.
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
def compute(x, y):
    print("Compute %s + %s ..." % (x, y))
    yield from asyncio.sleep(1.0)
    return x + y

@asyncio.coroutine
def print_sum(x, y):
    result = yield from compute(x, y)
    print("%s + %s = %s" % (x, y, result))

loop = asyncio.get_event_loop()
loop.run_until_complete(print_sum(1, 2))
loop.close()
