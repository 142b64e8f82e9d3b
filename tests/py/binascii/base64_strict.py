# a2b_base64(strict_mode=True): every error CPython reports
import binascii
for s in [b'QQ==', b'QUJD', b'QQ===', b'Q=Q=', b'=QQ==', b'QQ==QUI=', b'Q Q = =', b'QQ\n==', b'QU!JD',
          b'====', b'QUJ=D', b'QUJD====', b'QQ=x=', b'Zm9vYmE=\n', b'QUJD=QUJD', b'QQ', b'Q', b'']:
    try:
        print(s, binascii.a2b_base64(s, strict_mode=True))
    except binascii.Error as e:
        print(s, 'Error', e)
print(binascii.a2b_base64(b'QQ==', strict_mode=False))
