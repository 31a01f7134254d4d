/// The set-based SQL of a coverage refresh, shared by both backends: each backend passes its own parameter
/// spelling (`:last` on SQLite, `$2::date` on PostgreSQL). The statements implement `ActiveParticipantRule`;
/// the rule's date arithmetic is done in Swift (`oldestAllowedDueDate(on:)`) and passed as `cutoff`.
public struct CoverageSQL: Sendable {
    /// First and last day of the month, the month as `YYYY-MM`, and the oldest allowed unpaid due date.
    public let first: String
    public let last: String
    public let month: String
    public let cutoff: String

    public init(first: String, last: String, month: String, cutoff: String) {
        self.first = first
        self.last = last
        self.month = month
        self.cutoff = cutoff
    }

    /// Employers whose workers are not active on the reference day: an unpaid amount, as it stood that day,
    /// on a bill that covers them (the employer's own, or the region's for that employer; not the central
    /// government's JKP share) falling due before `cutoff`. Written into the temporary `coverage_lapsed`.
    public var lapsedEmployers: String {
        """
        SELECT DISTINCT b.employer_id FROM bill b
        WHERE b.debtor_kind IN ('employer', 'region') AND b.total > 0 AND b.issued_on <= \(last) AND b.due_date < \(cutoff)
          AND b.total > COALESCE((SELECT SUM(a.amount) FROM allocation a
                                  LEFT JOIN payment p ON p.id = a.payment_id LEFT JOIN bill c ON c.id = a.credit_bill_id
                                  WHERE a.bill_id = b.id AND COALESCE(p.paid_on, c.issued_on) <= \(last)), 0)
        """
    }

    /// The `coverage_month` rows of the month (columns in the table's order). One row per participant and
    /// segment (their first active spell of it, else their first spell), and a primary segment per participant
    /// (active first; PU, Jakon, BPU, PMI), so that the rows add up without counting a person twice.
    public var monthRows: String {
        let flag = { (condition: String) in "MAX(CASE WHEN active = 1 AND \(condition) THEN 1 ELSE 0 END) OVER w" }
        return """
            WITH spells AS (
              SELECT s.id AS spell_id, s.person_id, s.segment, e.branch_id, ',' || s.programs || ',' AS programs, s.non_asn_category,
                CASE WHEN l.employer_id IS NULL OR pp.spell_id IS NOT NULL THEN 1 ELSE 0 END AS active
              FROM spell s JOIN employer e ON e.id = s.employer_id
              LEFT JOIN coverage_lapsed l ON l.employer_id = s.employer_id
              LEFT JOIN bpu_prepaid pp ON pp.spell_id = s.id AND pp.month = \(month)
              WHERE s.start_date <= \(last) AND (s.end_date IS NULL OR s.end_date >= \(first))
            ),
            per_segment AS (
              SELECT ranked.*,
                ROW_NUMBER() OVER (PARTITION BY person_id ORDER BY seg_active DESC,
                  CASE segment WHEN 'pu' THEN 1 WHEN 'jakon' THEN 2 WHEN 'bpu' THEN 3 ELSE 4 END) AS person_rank
              FROM (
                SELECT person_id, segment, branch_id,
                  ROW_NUMBER() OVER (PARTITION BY person_id, segment ORDER BY active DESC, spell_id) AS spell_rank,
                  MAX(active) OVER w AS seg_active,
                  \(flag("programs LIKE '%,JKK,%'")) AS jkk,
                  \(flag("programs LIKE '%,JKM,%'")) AS jkm,
                  \(flag("programs LIKE '%,JHT,%'")) AS jht,
                  \(flag("programs LIKE '%,JP,%'")) AS jp,
                  \(flag("programs LIKE '%,JKP,%'")) AS jkp,
                  \(flag("non_asn_category IS NOT NULL")) AS non_asn
                FROM spells
                WINDOW w AS (PARTITION BY person_id, segment)
              ) ranked
              WHERE spell_rank = 1
            )
            SELECT \(month), p.domicile_region, COALESCE(bo.code, ''), r.segment,
              COUNT(*), SUM(r.seg_active),
              SUM(CASE WHEN r.person_rank = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN r.person_rank = 1 THEN r.seg_active ELSE 0 END),
              SUM(r.jkk), SUM(r.jkm), SUM(r.jht), SUM(r.jp), SUM(r.jkp), SUM(r.non_asn)
            FROM per_segment r JOIN person p ON p.id = r.person_id LEFT JOIN branch_office bo ON bo.id = r.branch_id
            GROUP BY p.domicile_region, COALESCE(bo.code, ''), r.segment
            """
    }

    /// The `coverage_agency_month` rows: every government agency, its latest roster on or before the reference
    /// day (all categories), its non-ASN with a spell covering the month, and how many of them are active.
    public var agencyRows: String {
        """
        SELECT \(month), e.id, roster.headcount, roster.as_of, COALESCE(staff.registered, 0),
          CASE WHEN l.employer_id IS NULL THEN COALESCE(staff.registered, 0) ELSE 0 END
        FROM employer e
        LEFT JOIN coverage_lapsed l ON l.employer_id = e.id
        LEFT JOIN (
          SELECT r.employer_id, r.as_of, SUM(r.headcount) AS headcount FROM non_asn_roster r
          WHERE r.as_of = (SELECT MAX(r2.as_of) FROM non_asn_roster r2 WHERE r2.employer_id = r.employer_id AND r2.as_of <= \(last))
          GROUP BY r.employer_id, r.as_of
        ) roster ON roster.employer_id = e.id
        LEFT JOIN (
          SELECT s.employer_id, COUNT(DISTINCT s.person_id) AS registered FROM spell s
          WHERE s.non_asn_category IS NOT NULL AND s.start_date <= \(last) AND (s.end_date IS NULL OR s.end_date >= \(first))
          GROUP BY s.employer_id
        ) staff ON staff.employer_id = e.id
        WHERE e.kind = 'agency'
        """
    }

    /// A region filter on a column: all for `00`, a province's codes and its regencies' for 2 digits, exact for 4.
    public static func regionFilter(column: String, region: String, parameter: String) -> String {
        switch region.count {
        case _ where region == "00": "1 = 1"
        case 2: "\(column) LIKE \(parameter) || '%'"
        default: "\(column) = \(parameter)"
        }
    }
}
