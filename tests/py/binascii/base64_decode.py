# a2b_base64: valid input, ignored characters, padding rules, str input
import binascii
def t(data, **kw):
    try:
        print(repr(data) if not isinstance(data, memoryview) else 'memoryview', binascii.a2b_base64(data, **kw))
    except binascii.Error as e:
        print(repr(data), 'Error', e)
    except ValueError as e:
        print(repr(data), 'ValueError', e)
for s in [b'', b'QQ==', b'QUI=', b'QUJD', b'QUJDRA==', b'Zm9vYmFy', b'Zm9vYmE=\n', b'+/+/', b'____',
          b'QQ', b'QQ=', b'QQ===', b'Q', b'QUJDR', b'QUJDRA=', b'QUJDR===', b'Q===', b'Q=Q=', b'=QQ==',
          b'QQ==QUI=', b'Q Q = =', b'QQ\n==', b'QU!JD', b'====', b'QUJ=D', b'QUJD====', b'QQ=x=', b'QUJD=QUJD',
          'QUJD', 'Zm9v\n', bytearray(b'QUJD'), memoryview(b'QQ==')]:
    t(s)
t('QUJD\u00e9')
try:
    binascii.a2b_base64(5)
except TypeError:
    print('TypeError')
