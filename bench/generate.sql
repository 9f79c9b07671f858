-- Benchmark data: a large organisation with every assessment fully answered, repeatable from a seed.
--
--   psql -v teams=2000 -v quarters=8 -v seed=42 -f bench/generate.sql <database>
--
-- Runs against a database the application has already started on (Flyway migrated, the model imported, the
-- administrator `admin` created), as a role that may write every table. It creates:
--   * 20 groups and :teams teams (slugs team-00001 …, names mixing Chinese and English);
--   * 3 members per team (every tenth team shares its third member with the next team), plus `bench-lead` (LEAD) and
--     `bench-member` (MEMBER of team-00001), all with the administrator's password (its hash is copied);
--   * :quarters quarters ending with the current one, all CLOSED except the current one, which is OPEN;
--   * per team and quarter an assessment of the newest model version: SUBMITTED in closed quarters, IN_PROGRESS but
--     fully answered in the open one; 20 answers each (a per-team tendency per aspect drifting over the quarters, noise
--     per question, ~5 % not applicable, ~12 % with a comment), 5 targets, and START / SUBMIT history events.
-- Answers are inserted quarter by quarter, so the open quarter's answers have one contiguous range of ids.
-- Everything random comes from random() after setseed(), drawn over inputs in a fixed order: the same seed gives the
-- same data. Plain INSERT … SELECT in one transaction, then ANALYZE.

\set ON_ERROR_STOP on
\if :{?teams}
\else
  \set teams 200
\endif
\if :{?quarters}
\else
  \set quarters 8
\endif
\if :{?seed}
\else
  \set seed 42
\endif

set client_min_messages = warning;
begin;

do $$
begin
  if exists (select 1 from team) or exists (select 1 from quarter) then
    raise exception 'bench/generate.sql needs a database without teams and quarters';
  end if;
  if not exists (select 1 from person where username = 'admin') then
    raise exception 'bench/generate.sql needs the administrator "admin" (start the application once first)';
  end if;
end $$;

select setseed(((:seed)::bigint % 1000003) / 1000003.0) \gset

-- The newest model version and its questions.
create temp table bench_model on commit drop as
select id from model_version order by imported_at desc, version desc, id desc limit 1;

create temp table bench_question on commit drop as
select q.id, q.key, q.aspect_id, a.position as aspect_position, q.position
from question q join aspect a on a.id = q.aspect_id
where q.model_version_id = (select id from bench_model)
order by a.position, q.position;

create temp table bench_aspect on commit drop as
select id, key, position from aspect where model_version_id = (select id from bench_model) order by position;

-- Groups.
insert into team_group (name)
select format('%s %s · %s', (array['平台', '零售', '金融', '物流', '数据', '移动', '安全', '制造', '医疗', '教育'])[1 + (g - 1) % 10],
              (array['Platform', 'Retail', 'Finance', 'Logistics', 'Data', 'Mobile', 'Security', 'Manufacturing', 'Health', 'Education'])[1 + (g - 1) % 10],
              g)
from generate_series(1, 20) g
order by g;

-- Teams: odd numbers with a Chinese name first, even numbers with an English name first.
insert into team (slug, name, group_id, created_at)
select format('team-%s', lpad(t::text, 5, '0')),
       case when t % 2 = 1
            then format('%s%s %s', (array['支付', '结算', '移动', '数据', '搜索', '风控', '营销', '客服', '推荐', '会员', '库存', '清算'])[1 + t % 12],
                        (array['平台', '中台', '团队', '小组', '服务'])[1 + t % 5], t)
            else format('%s %s %s', (array['Payments', 'Checkout', 'Mobile', 'Data', 'Search', 'Risk', 'Marketing', 'Support', 'Recommendations', 'Loyalty', 'Inventory', 'Clearing'])[1 + t % 12],
                        (array['Platform', 'Core', 'Team', 'Squad', 'Services'])[1 + t % 5], t)
       end,
       (select array_agg(id order by id) from team_group)[1 + (t - 1) % 20],
       current_date - interval '3 years'
from generate_series(1, :teams) t
order by t;

create temp table bench_team on commit drop as
select id, row_number() over (order by slug) as n from team order by slug;
create index on bench_team (n);
analyze bench_team;

-- People: three members per team, and the two bench accounts.
insert into person (username, display_name, email, preferred_language, password_hash, role)
select format('m%s-%s', lpad(t.n::text, 5, '0'), k),
       case when (t.n + k) % 2 = 0
            then (array['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'])[1 + (t.n + k) % 10]
                 || (array['芳', '伟', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '涛'])[1 + (t.n * 7 + k) % 12]
            else (array['Alex', 'Sam', 'Maria', 'Chen', 'Priya', 'Jonas', 'Lea', 'Omar', 'Yuki', 'Noah'])[1 + (t.n + k) % 10] || ' '
                 || (array['Smith', 'Müller', 'Garcia', 'Wang', 'Patel', 'Schmidt', 'Rossi', 'Kim', 'Nakamura', 'Brown'])[1 + (t.n * 3 + k) % 10]
       end,
       format('m%s-%s@example.test', lpad(t.n::text, 5, '0'), k),
       case when k = 2 then 'zh-CN' else 'en' end,
       (select password_hash from person where username = 'admin'),
       'MEMBER'
from bench_team t cross join generate_series(1, 3) k
order by t.n, k;

insert into person (username, display_name, email, preferred_language, password_hash, role)
select u.username, u.display_name, null, 'en', (select password_hash from person where username = 'admin'), u.role
from (values ('bench-lead', 'Bench Lead', 'LEAD', 1), ('bench-member', 'Bench Member', 'MEMBER', 2)) u(username, display_name, role, o)
order by u.o;

create temp table bench_member on commit drop as
select t.id as team_id, t.n, k, p.id as person_id
from bench_team t cross join generate_series(1, 3) k
join person p on p.username = format('m%s-%s', lpad(t.n::text, 5, '0'), k)
order by t.n, k;
create index on bench_member (team_id, k);
analyze bench_member;

insert into membership (person_id, team_id)
select person_id, team_id from bench_member order by n, k;
-- Every tenth team's third member also belongs to the next team.
insert into membership (person_id, team_id)
select m.person_id, next.id
from bench_member m join bench_team next on next.n = m.n + 1
where m.k = 3 and m.n % 10 = 0
order by m.n;
insert into membership (person_id, team_id)
select (select id from person where username = 'bench-member'), id from bench_team where n = 1;

-- Quarters: the last :quarters quarters up to the current one; only the current one is open.
create temp table bench_quarter on commit drop as
select i, start::date as opens_on, (start + interval '3 months' - interval '1 day')::date as due_on,
       to_char(start, 'YYYY') || '-Q' || extract(quarter from start) as label, i = :quarters as open
from (select i, date_trunc('quarter', current_date) - interval '3 months' * (:quarters - i) as start
      from generate_series(1, :quarters) i) s
order by i;

insert into quarter (label, opens_on, due_on, state, created_at)
select label, opens_on, due_on, case when open then 'OPEN' else 'CLOSED' end, opens_on - interval '14 days'
from bench_quarter order by i;

-- A tendency per team and aspect: where the team starts, and how fast it moves per quarter.
create temp table bench_tendency on commit drop as
select team_id, aspect_id, 1.0 + 2.6 * random() as base, (random() - 0.3) * 0.3 as drift
from (select t.id as team_id, a.id as aspect_id
      from bench_team t cross join bench_aspect a
      order by t.n, a.position) x;
create index on bench_tendency (team_id, aspect_id);
analyze bench_tendency;

-- Assessments.
insert into assessment (team_id, quarter_id, model_version_id, status, created_at, created_by, submitted_at, submitted_by,
                        updated_at)
select s.team_id, s.quarter_id, (select id from bench_model),
       case when s.open then 'IN_PROGRESS' else 'SUBMITTED' end,
       s.created_at, s.creator,
       case when s.open then null else s.submitted_at end,
       case when s.open then null else s.submitter end,
       case when s.open then least(current_date + time '12:00', s.created_at + interval '20 days') else s.submitted_at end
from (select o.*,
             o.opens_on + interval '1 day' * floor(random() * 20) + interval '1 minute' * floor(random() * 600) as created_at,
             o.due_on - interval '1 day' * floor(random() * 20) + interval '1 minute' * floor(random() * 600) as submitted_at,
             (select person_id from bench_member m where m.team_id = o.team_id order by k limit 1) as creator,
             (select person_id from bench_member m where m.team_id = o.team_id order by k desc limit 1) as submitter
      from (select t.id as team_id, q.id as quarter_id, bq.i, bq.open, bq.opens_on, bq.due_on
            from bench_quarter bq join quarter q on q.label = bq.label cross join bench_team t
            order by bq.i, t.n) o) s
order by s.i, s.team_id;

create temp table bench_assessment on commit drop as
select a.id, a.team_id, bq.i, bq.open, a.created_at, a.updated_at
from assessment a join quarter q on q.id = a.quarter_id join bench_quarter bq on bq.label = q.label
order by a.id;
analyze bench_assessment;

-- Answers, quarter by quarter (the open one last), in a fixed order before anything random is drawn.
insert into answer (assessment_id, question_id, level, not_applicable, comment, carried_over, updated_at, updated_by)
select s.assessment_id, s.question_id,
       case when s.r_na < 0.05 then null
            else greatest(1, least(4, round(s.base + s.drift * s.i + (s.r_noise - 0.5) * 1.6)))::smallint end,
       s.r_na < 0.05,
       case when s.r_comment < 0.12
            then (array['We automated most of this last quarter.', '还需要更多自动化测试。', 'Depends on the shared CI; see the platform roadmap.',
                        '团队正在迁移到新的部署流水线。', 'Good progress, documentation still missing.', '监控告警已经覆盖主要服务。',
                        'Blocked by the network team.', '下季度计划引入自助服务门户。'])[1 + floor(s.r_pick * 8)::int] end,
       false,
       s.created_at + (s.updated_at - s.created_at) * s.r_pick,
       (select person_id from bench_member m where m.team_id = s.team_id and m.k = 1 + floor(s.r_pick * 3)::int)
from (select o.*, random() as r_na, random() as r_noise, random() as r_comment, random() as r_pick
      from (select a.id as assessment_id, a.team_id, a.i, a.created_at, a.updated_at, q.id as question_id,
                   q.aspect_position, q.position, td.base, td.drift
            from bench_assessment a
            cross join bench_question q
            join bench_tendency td on td.team_id = a.team_id and td.aspect_id = q.aspect_id
            order by a.i, a.id, q.aspect_position, q.position) o) s
order by s.i, s.assessment_id, s.aspect_position, s.position;

-- Targets: one per aspect, usually a level above the team's tendency, sometimes none.
insert into target (assessment_id, aspect_id, level, updated_at, updated_by)
select s.assessment_id, s.aspect_id,
       case when s.r < 0.1 then null else greatest(1, least(4, round(s.base + s.drift * s.i) + 1))::smallint end,
       s.created_at, (select person_id from bench_member m where m.team_id = s.team_id and m.k = 1)
from (select o.*, random() as r
      from (select a.id as assessment_id, a.team_id, a.i, a.created_at, asp.id as aspect_id, asp.position, td.base, td.drift
            from bench_assessment a
            cross join bench_aspect asp
            join bench_tendency td on td.team_id = a.team_id and td.aspect_id = asp.id
            order by a.i, a.id, asp.position) o) s
order by s.i, s.assessment_id, s.position;

-- History: each assessment was started, and submitted unless its quarter is open.
insert into assessment_event (assessment_id, kind, subject, old_value, new_value, reason, changed_by, changed_at)
select e.assessment_id, e.kind, null, null, e.previous, null, e.person_id, e.changed_at
from (select a.id as assessment_id, a.i, 1 as o, 'START' as kind,
             (select label from bench_quarter p where p.i = a.i - 1) as previous,
             (select person_id from bench_member m where m.team_id = a.team_id and m.k = 1) as person_id, a.created_at as changed_at
      from bench_assessment a
      union all
      select a.id, a.i, 2, 'SUBMIT', null,
             (select person_id from bench_member m where m.team_id = a.team_id and m.k = 3), a.updated_at
      from bench_assessment a where not a.open) e
order by e.i, e.assessment_id, e.o;

-- The figures every assessment keeps (db/migration V20): answered, reviewed and carried-over counts, and per aspect
-- the sum and the number of the answered levels.
insert into assessment_aspect_score (assessment_id, aspect_id, level_sum, level_count)
select a.id, asp.id, coalesce(sum(an.level), 0), count(an.level)
from bench_assessment a
join aspect asp on asp.model_version_id = (select id from bench_model)
left join question qu on qu.aspect_id = asp.id
left join answer an on an.assessment_id = a.id and an.question_id = qu.id
group by a.id, asp.id;

update assessment a
set answered_count = c.answered, reviewed_count = c.reviewed, carried_over_count = c.carried_over
from (select an.assessment_id,
             count(*) filter (where an.level is not null or an.not_applicable) as answered,
             count(*) filter (where (an.level is not null or an.not_applicable) and not an.carried_over) as reviewed,
             count(*) filter (where an.carried_over) as carried_over
      from answer an join bench_assessment b on b.id = an.assessment_id
      group by an.assessment_id) c
where c.assessment_id = a.id;

commit;

analyze;

select (select count(*) from team) as teams,
       (select count(*) from quarter) as quarters,
       (select count(*) from assessment) as assessments,
       (select count(*) from answer) as answers,
       (select count(*) from person) as people;
