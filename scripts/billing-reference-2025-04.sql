-- Hand-written billing of one month (April 2025) straight from the registry tables, without Lindung's
-- code: the comparison for `lindung bill` in docs/BENCHMARKS.md, and the independent total the tests
-- check the bills against. Rates are April 2025's, written out from the rule tables:
--   PU: JKK 0.24/0.54/0.89/1.27/1.74 % by risk class, JKM 0.30 %, JHT 3.7 % + 2 %, JP 2 % + 1 % of the wage
--       capped at Rp10,547,400 and not for workers born on or before 1966-04-01 (pension age 59 in 2025),
--       JKP (government) 0.22 % of the wage capped at Rp5,000,000.
--   BPU: base = declared income in Rp100,000 steps rounded down, Rp1,000,000 to Rp20,700,000;
--        JKK 1 %, JKM Rp6,800, JHT 2 % when chosen.
--   Jakon (known wages): JKK 1.74 %, JKM 0.30 %.  PMI: the whole placement in its first month:
--        Rp37,500 + the 6/12/24-month package + Rp13,500 per month beyond it (24 months when open-ended).
-- Each line is rounded half-up to whole rupiah: (amount × rate_in_micropercent × 2 + 10^8) / (2 × 10^8).
-- Run: sqlite3 FILE < scripts/billing-reference-2025-04.sql
DROP TABLE IF EXISTS temp.reference_bill;
CREATE TEMP TABLE reference_bill AS
WITH active AS (
    SELECT s.employer_id, s.segment, s.programs, s.start_date, s.end_date, p.birth_date,
        (SELECT w.amount FROM wage w WHERE w.spell_id = s.id AND w.effective_from <= '2025-04-30'
         ORDER BY w.effective_from DESC LIMIT 1) AS wage
    FROM spell s JOIN person p ON p.id = s.person_id
    WHERE s.start_date <= '2025-04-30' AND (s.end_date IS NULL OR s.end_date >= '2025-04-01')
      AND (s.segment <> 'pmi' OR s.start_date >= '2025-04-01')
),
priced AS (
    SELECT a.*, e.risk_class,
        MIN(MAX(a.wage / 100000 * 100000, 1000000), 20700000) AS bpu_base,
        CASE WHEN a.end_date IS NULL THEN 24
             ELSE MAX(1, (CAST(substr(a.end_date, 1, 4) AS INTEGER) - CAST(substr(a.start_date, 1, 4) AS INTEGER)) * 12
                       + CAST(substr(a.end_date, 6, 2) AS INTEGER) - CAST(substr(a.start_date, 6, 2) AS INTEGER)
                       + (substr(a.end_date, 9, 2) >= substr(a.start_date, 9, 2))) END AS pmi_months
    FROM active a JOIN employer e ON e.id = a.employer_id
    WHERE a.wage IS NOT NULL
)
SELECT employer_id, COUNT(*) AS workers, SUM(
    CASE segment
    WHEN 'pu' THEN
        (instr(programs, 'JKK') > 0) * ((wage * CASE risk_class WHEN 1 THEN 240000 WHEN 2 THEN 540000 WHEN 3 THEN 890000
                                                   WHEN 4 THEN 1270000 ELSE 1740000 END * 2 + 100000000) / 200000000)
      + (instr(programs, 'JKM') > 0) * ((wage * 300000 * 2 + 100000000) / 200000000)
      + (instr(programs, 'JHT') > 0) * ((wage * 3700000 * 2 + 100000000) / 200000000 + (wage * 2000000 * 2 + 100000000) / 200000000)
      + (instr(programs, 'JP') > 0 AND birth_date > '1966-04-01')
          * ((MIN(wage, 10547400) * 2000000 * 2 + 100000000) / 200000000 + (MIN(wage, 10547400) * 1000000 * 2 + 100000000) / 200000000)
      + (instr(programs, 'JKP') > 0) * ((MIN(wage, 5000000) * 220000 * 2 + 100000000) / 200000000)
    WHEN 'bpu' THEN
        (instr(programs, 'JKK') > 0) * ((bpu_base * 1000000 * 2 + 100000000) / 200000000)
      + (instr(programs, 'JKM') > 0) * 6800
      + (instr(programs, 'JHT') > 0) * ((bpu_base * 2000000 * 2 + 100000000) / 200000000)
    WHEN 'jakon' THEN
        (instr(programs, 'JKK') > 0) * ((wage * 1740000 * 2 + 100000000) / 200000000)
      + (instr(programs, 'JKM') > 0) * ((wage * 300000 * 2 + 100000000) / 200000000)
    ELSE
        37500 + CASE WHEN pmi_months >= 24 THEN 332500 + 13500 * (pmi_months - 24)
                     WHEN pmi_months >= 12 THEN 189000 + 13500 * (pmi_months - 12)
                     ELSE 108000 + 13500 * MAX(0, pmi_months - 6) END
    END) AS total
FROM priced
GROUP BY employer_id;
SELECT COUNT(*) AS employers, SUM(workers) AS workers, SUM(total) AS total FROM reference_bill;
