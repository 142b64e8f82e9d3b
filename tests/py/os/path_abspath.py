# os.path.abspath against getcwd()
import os
cwd = os.getcwd()
print(os.path.abspath('x') == cwd + '/x')
print(os.path.abspath('a/../b') == cwd + '/b')
print(os.path.abspath('/tmp/../usr'))
print(os.path.abspath('.') == cwd)
