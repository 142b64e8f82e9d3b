from badhash import VALUE
