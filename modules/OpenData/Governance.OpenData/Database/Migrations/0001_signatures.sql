-- 数据开放包的签名: ECDSA signatures are randomised, so a manifest is signed once per key and the signature kept —
-- the same data then downloads as the same bytes, every time.
create table open_data.signatures (
    manifest_sha256 text not null,           -- hex SHA-256 of the manifest file signed
    key_id          text not null,           -- the signing key (hex SHA-256 of its public key, first 16 digits)
    signature       bytea not null,          -- DER (RFC 3279) ECDSA P-256 with SHA-256, as openssl dgst verifies
    signed_at       timestamptz not null,
    primary key (manifest_sha256, key_id)
);
