-- Qatysu schema, version 4: files attached to proposals (images and PDF).
-- The bytes live in the attachment store (a directory outside the web application, qatysu.attachments.dir) under
-- storage_key; this table is the only way to reach them. Checks repeat what kz.qatysu.proposal.attachment.domain
-- guarantees, so that no other writer can store a name with a path or a type outside the allow-list.

create table proposal_attachment (
    id          bigint generated always as identity primary key,
    proposal_id bigint       not null references proposal (id),
    file_name   varchar(200) not null check (btrim(file_name) <> '' and file_name !~ '[/\\[:cntrl:]]'),
    media_type  varchar(40)  not null check (media_type in ('image/png', 'image/jpeg', 'application/pdf')),
    -- the configured limit (qatysu.attachments.max-bytes, 10 MiB by default) may only be lower than this ceiling
    size_bytes  bigint       not null check (size_bytes > 0 and size_bytes <= 20971520),
    sha256      char(64)     not null check (sha256 ~ '^[0-9a-f]{64}$'),
    storage_key char(64)     not null unique check (storage_key ~ '^[0-9a-f]{64}$'),
    uploaded_by varchar(120) not null,
    uploaded_at timestamptz  not null,
    -- the same file is not attached twice to one proposal
    unique (proposal_id, sha256)
);

comment on table proposal_attachment is 'Images and PDFs attached to a proposal; bytes in the attachment store under storage_key';
