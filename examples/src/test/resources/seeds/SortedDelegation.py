# Seed 004: sub_coro/dele_coro, sorting lists through 'yield from'. The seed draws country codes
# with Faker (random each run); this copy uses three fixed lists so the output is reproducible.
from functools import wraps

def coroutine(func):
    @wraps(func)
    def wrapper(*args, **kw):
        g = func(*args, **kw)
        next(g)
        return g
    return wrapper

def sub_coro():
    l = []
    while True:
        value = yield
        if value == 'CLOSE':
            break
        l.append(value)
    return sorted(l)

@coroutine
def dele_coro():
    while True:
        l = yield from sub_coro()
        print('排序后的列表:', l)
        print('------------------')

def main():
    nest_country_list = [['NO', 'BR', 'JP'], ['FR', 'CN', 'DE'], ['US', 'IN', 'AU']]
    for country_list in nest_country_list:
        print('国家代号列表:', country_list)
        c = dele_coro()
        for country in country_list:
            c.send(country)
        c.send('CLOSE')

if __name__ == '__main__':
    main()
