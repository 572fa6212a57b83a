# Seed 004, section 3: a generator primed by a decorator is suspended at its first yield.
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
    i = 'hyl'
    while True:
        try:
            value = yield i
        except ValueError:
            print('over')
        i = value

g = gen()
print(inspect.getgeneratorstate(g))
