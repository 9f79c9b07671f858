-- Figures each assessment keeps, so that readers across teams never recount answers: how many answers are answered
-- (a level or not applicable), reviewed (answered this quarter: answered, changed, confirmed or marked not applicable)
-- and carried over (taken from the previous quarter and not yet confirmed); and per aspect the inputs of its score,
-- the sum and the number of the answered levels (not-applicable answers left out). The score of an aspect is
-- round(level_sum / level_count, 2), rounded half-up, and there is none while level_count is 0.
-- Every change of an answer updates them in its own transaction, holding the assessment row locked.

alter table assessment
    add column answered_count     integer not null default 0 check (answered_count >= 0),
    add column reviewed_count     integer not null default 0,
    add column carried_over_count integer not null default 0 check (carried_over_count >= 0),
    add constraint assessment_reviewed_answered check (reviewed_count between 0 and answered_count);

create table assessment_aspect_score (
    assessment_id bigint  not null references assessment (id) on delete cascade,
    aspect_id     bigint  not null references aspect (id),
    level_sum     integer not null default 0,
    level_count   integer not null default 0,
    primary key (assessment_id, aspect_id),
    check (level_count >= 0 and level_sum between level_count and 4 * level_count)
);

insert into assessment_aspect_score (assessment_id, aspect_id, level_sum, level_count)
select a.id, asp.id, coalesce(sum(an.level), 0), count(an.level)
from assessment a
join aspect asp on asp.model_version_id = a.model_version_id
left join question qu on qu.aspect_id = asp.id
left join answer an on an.assessment_id = a.id and an.question_id = qu.id
group by a.id, asp.id;

update assessment a
set answered_count = c.answered, reviewed_count = c.reviewed, carried_over_count = c.carried_over
from (select assessment_id,
             count(*) filter (where level is not null or not_applicable) as answered,
             count(*) filter (where (level is not null or not_applicable) and not carried_over) as reviewed,
             count(*) filter (where carried_over) as carried_over
      from answer
      group by assessment_id) c
where c.assessment_id = a.id;
