# Seed 004: add() summed through parent()'s 'yield from'; the parent's return value ends the
# generator, so the last send() raises StopIteration carrying it.
def coroutine(func):
    def wrapper(*args, **kw):
        g = func(*args, **kw)
        next(g)
        return g
    return wrapper

def add():
    res = 0
    while True:
        i = yield
        if i == 'close':
            break
        else:
            res += i
    return res

@coroutine
def parent():
    while True:
        a = yield from add()
        return a

def main():
    gen = parent()
    gen.send(1)
    gen.send(2)
    gen.send(3)
    gen.send(4)
    x = gen.send('close')
    print(x)

try:
    main()
except StopIteration as e:
    print(e)
