-- People who sign in through an OpenID Connect provider: the provider's subject links them, and they may have no
-- local password.

alter table person alter column password_hash drop not null;
alter table person add column identity_provider varchar(64);
alter table person add column identity_subject varchar(255);
alter table person add constraint person_identity_complete
    check ((identity_provider is null) = (identity_subject is null));
create unique index person_identity_key on person (identity_provider, identity_subject)
    where identity_provider is not null;
