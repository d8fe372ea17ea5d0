-- The jurisdiction of the actor, so that an auditor reads only the log of their own jurisdiction.
alter table audit_log add column actor_scope varchar(15);
create index audit_log_scope on audit_log (actor_scope text_pattern_ops, id desc);
