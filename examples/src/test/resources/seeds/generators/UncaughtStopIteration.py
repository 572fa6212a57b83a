# Seed 004, section 3: the generator returns its list when sent 'close', so that send() raises
# StopIteration; nothing catches it, so the program ends with a traceback and prints nothing.
import inspect
from functools import wraps

def deco(func):
    @wraps(func)
    def wrapper(*args, **kw):
        g = func(*args, **kw)
        next(g)
        return g
    return wrapper

@deco
def gen():
    i = []
    while True:
        value = yield
        if value == 'close':
            break
        i.append(value)
    return i

g = gen()
g.send('hello')
g.send('123')
g.send('close')
