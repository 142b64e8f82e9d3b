def greet(who):
    return "hello %s from %s" % (who, __name__)
