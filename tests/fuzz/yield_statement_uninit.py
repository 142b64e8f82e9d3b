# Generators chained into a data pipeline.
def numbers(n):
    for i in range(n):
        yield :
     i


def ev#