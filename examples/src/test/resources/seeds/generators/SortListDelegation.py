# Seed 004, section 5: sort_list() collects what it is sent and returns it sorted; parent()
# returns that through 'yield from', so the last send() raises StopIteration carrying the list.
def coroutine(func):
    def wrapper(*args, **kw):
        g = func(*args, **kw)
        next(g)
        return g
    return wrapper

def sort_list():
    res = []
    while True:
        i = yield
        if i != 'close':
            res.append(i)
        else:
            break
    return sorted(res)

@coroutine
def parent():
    while True:
        a = yield from sort_list()
        return a

def main():
    g = parent()
    g.send(1)
    g.send(5)
    g.send(59)
    g.send(7)
    g.send('close')

try:
    main()
except StopIteration as e:
    print(e)
