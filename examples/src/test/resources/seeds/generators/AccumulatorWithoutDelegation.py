# Seed 004, section 5 ("不使用通道", without the channel): add() driven directly; its return value
# ends it, so the last send() raises StopIteration carrying the sum.
def coroutine(func):
    def wrapper(*args, **kw):
        g = func(*args, **kw)
        next(g)
        return g
    return wrapper

@coroutine
def add():
    res = 0
    while True:
        i = yield
        if i == 'close':
            break
        else:
            res += i
    return res

def main():
    gen = add()
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
