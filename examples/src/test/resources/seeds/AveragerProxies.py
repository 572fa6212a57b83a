# Seed 004: avg() averages what it is sent; proxies() stores each average through 'yield from'.
def avg():
    tot = 0
    count = 0
    while True:
        a = yield
        if a != None:
            tot += a
            count += 1
        else:
            return tot/count

def proxies(aDict,key):
    while True:
        aDict[key] = yield from avg()

def main():
    data = {'hyl':[95,96,97],'dsz':[88,90]}
    res = {}
    for person,score in data.items():
        gen = proxies(res,person)
        next(gen)
        for each in score:
            gen.send(each)
        gen.send(None)
    print(res)

if __name__ == '__main__':
    main()
