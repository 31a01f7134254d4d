/// Migration 0008 on PostgreSQL: the same tables and constraints as `SQLiteCoverageSchema` (docs/coverage.md).
enum PostgresCoverageSchema {
    static let statements = [
        """
        CREATE TABLE coverage_refresh (
            month TEXT PRIMARY KEY CHECK (length(month) = 7),
            reference_date DATE NOT NULL,
            refreshed_at TEXT NOT NULL,
            enrolled BIGINT NOT NULL CHECK (enrolled >= 0),
            active BIGINT NOT NULL CHECK (active BETWEEN 0 AND enrolled)
        )
        """,
        """
        CREATE TABLE coverage_month (
            month TEXT NOT NULL REFERENCES coverage_refresh(month),
            region_code TEXT NOT NULL CHECK (length(region_code) IN (2, 4)),
            branch_code TEXT NOT NULL,
            segment TEXT NOT NULL CHECK (segment IN ('pu', 'bpu', 'jakon', 'pmi')),
            enrolled BIGINT NOT NULL CHECK (enrolled > 0),
            active BIGINT NOT NULL CHECK (active BETWEEN 0 AND enrolled),
            enrolled_persons BIGINT NOT NULL CHECK (enrolled_persons BETWEEN 0 AND enrolled),
            active_persons BIGINT NOT NULL CHECK (active_persons BETWEEN 0 AND enrolled_persons),
            active_jkk BIGINT NOT NULL CHECK (active_jkk BETWEEN 0 AND active),
            active_jkm BIGINT NOT NULL CHECK (active_jkm BETWEEN 0 AND active),
            active_jht BIGINT NOT NULL CHECK (active_jht BETWEEN 0 AND active),
            active_jp BIGINT NOT NULL CHECK (active_jp BETWEEN 0 AND active),
            active_jkp BIGINT NOT NULL CHECK (active_jkp BETWEEN 0 AND active),
            active_non_asn BIGINT NOT NULL CHECK (active_non_asn BETWEEN 0 AND active),
            PRIMARY KEY (month, region_code, branch_code, segment)
        )
        """,
        """
        CREATE TABLE coverage_agency_month (
            month TEXT NOT NULL REFERENCES coverage_refresh(month),
            employer_id BIGINT NOT NULL REFERENCES employer(id),
            roster BIGINT CHECK (roster >= 0),
            roster_as_of DATE,
            registered BIGINT NOT NULL CHECK (registered >= 0),
            active BIGINT NOT NULL CHECK (active BETWEEN 0 AND registered),
            PRIMARY KEY (month, employer_id)
        )
        """,
        """
        CREATE TABLE workforce_figure (
            region_code TEXT NOT NULL CHECK (region_code = '00' OR length(region_code) IN (2, 4)),
            period TEXT NOT NULL CHECK (length(period) = 7),
            working_age_population BIGINT CHECK (working_age_population >= 0),
            labour_force BIGINT CHECK (labour_force >= 0),
            employed BIGINT CHECK (employed >= 0),
            unemployed BIGINT CHECK (unemployed >= 0),
            formal_employed BIGINT CHECK (formal_employed >= 0),
            informal_employed BIGINT CHECK (informal_employed >= 0),
            source TEXT NOT NULL CHECK (source <> ''),
            imported_at TEXT NOT NULL,
            imported_by TEXT NOT NULL CHECK (imported_by <> ''),
            PRIMARY KEY (region_code, period)
        )
        """,
        """
        CREATE TABLE coverage_target (
            region_code TEXT NOT NULL CHECK (region_code = '00' OR length(region_code) IN (2, 4)),
            year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
            ucj_percent DOUBLE PRECISION NOT NULL CHECK (ucj_percent BETWEEN 0 AND 100),
            source TEXT NOT NULL CHECK (source <> ''),
            set_at TEXT NOT NULL,
            set_by TEXT NOT NULL CHECK (set_by <> ''),
            PRIMARY KEY (region_code, year)
        )
        """,
    ]
}
