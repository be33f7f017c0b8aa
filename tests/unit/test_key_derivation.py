"""The database key is derived as SQLCipher derives it, with the OpenSSL sqlcipher3 ships
(less work at start-up) when there is one."""

from __future__ import annotations

import hashlib
import sys

import pytest

from advocate_app.storage import cipher


@pytest.mark.parametrize(("secret", "rounds"), [(b"correct horse battery", 1_000),
                                                ("passé composé €".encode(), 2),
                                                (b"x" * 300, 5_000)])
def test_the_key_is_pbkdf2_hmac_sha512(secret, rounds):
    salt = bytes(range(16))
    assert cipher.pbkdf2(secret, salt, rounds) == hashlib.pbkdf2_hmac(
        "sha512", secret, salt, rounds, cipher.KEY_BYTES)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the wheel's layout on Linux")
def test_the_openssl_shipped_with_sqlcipher_is_used():
    assert cipher._shipped_pbkdf2() is not None


def test_a_key_derived_here_opens_a_file_sqlcipher_keyed_with_the_passphrase(tmp_path):
    import sqlcipher3.dbapi2

    database = tmp_path / "made-by-sqlcipher.sqlite3"
    connection = sqlcipher3.dbapi2.connect(str(database))
    connection.execute("PRAGMA key = 'correct horse battery'")
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    cipher.check_key(database, cipher.DatabaseKey("correct horse battery"))
