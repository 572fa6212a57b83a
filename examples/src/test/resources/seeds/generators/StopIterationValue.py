# Seed 004, section 3: the same generator; the program catches the StopIteration and prints the
# return value it carries.
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
try:
    g.send('close')
except StopIteration as e:
    print(e.value)
