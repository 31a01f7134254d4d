/// Migration 0008 on SQLite: the maintained coverage aggregate, imported workforce figures and region targets
/// (docs/coverage.md).
enum SQLiteCoverageSchema {
    static let sql = """
        -- One row per month counted: when, and the totals (the month's rows are replaced as a whole).
        CREATE TABLE coverage_refresh (
            month TEXT PRIMARY KEY CHECK (length(month) = 7),
            reference_date TEXT NOT NULL CHECK (date(reference_date) IS reference_date),
            refreshed_at TEXT NOT NULL,
            enrolled INTEGER NOT NULL CHECK (enrolled >= 0),
            active INTEGER NOT NULL CHECK (active BETWEEN 0 AND enrolled)
        );
        -- Active participants by month, domicile region, branch office ('' for none) and segment.
        CREATE TABLE coverage_month (
            month TEXT NOT NULL REFERENCES coverage_refresh(month),
            region_code TEXT NOT NULL CHECK (length(region_code) IN (2, 4)),
            branch_code TEXT NOT NULL,
            segment TEXT NOT NULL CHECK (segment IN ('pu', 'bpu', 'jakon', 'pmi')),
            enrolled INTEGER NOT NULL CHECK (enrolled > 0),
            active INTEGER NOT NULL CHECK (active BETWEEN 0 AND enrolled),
            enrolled_persons INTEGER NOT NULL CHECK (enrolled_persons BETWEEN 0 AND enrolled),
            active_persons INTEGER NOT NULL CHECK (active_persons BETWEEN 0 AND enrolled_persons),
            active_jkk INTEGER NOT NULL CHECK (active_jkk BETWEEN 0 AND active),
            active_jkm INTEGER NOT NULL CHECK (active_jkm BETWEEN 0 AND active),
            active_jht INTEGER NOT NULL CHECK (active_jht BETWEEN 0 AND active),
            active_jp INTEGER NOT NULL CHECK (active_jp BETWEEN 0 AND active),
            active_jkp INTEGER NOT NULL CHECK (active_jkp BETWEEN 0 AND active),
            active_non_asn INTEGER NOT NULL CHECK (active_non_asn BETWEEN 0 AND active),
            PRIMARY KEY (month, region_code, branch_code, segment)
        ) WITHOUT ROWID;
        -- Non-ASN per government agency and month, against its latest roster.
        CREATE TABLE coverage_agency_month (
            month TEXT NOT NULL REFERENCES coverage_refresh(month),
            employer_id INTEGER NOT NULL REFERENCES employer(id),
            roster INTEGER CHECK (roster >= 0),
            roster_as_of TEXT CHECK (roster_as_of IS NULL OR date(roster_as_of) IS roster_as_of),
            registered INTEGER NOT NULL CHECK (registered >= 0),
            active INTEGER NOT NULL CHECK (active BETWEEN 0 AND registered),
            PRIMARY KEY (month, employer_id)
        ) WITHOUT ROWID;
        -- Workforce figures imported over the bundled labour_force.csv (same region and round: replaced).
        CREATE TABLE workforce_figure (
            region_code TEXT NOT NULL CHECK (region_code = '00' OR length(region_code) IN (2, 4)),
            period TEXT NOT NULL CHECK (length(period) = 7),
            working_age_population INTEGER CHECK (working_age_population >= 0),
            labour_force INTEGER CHECK (labour_force >= 0),
            employed INTEGER CHECK (employed >= 0),
            unemployed INTEGER CHECK (unemployed >= 0),
            formal_employed INTEGER CHECK (formal_employed >= 0),
            informal_employed INTEGER CHECK (informal_employed >= 0),
            source TEXT NOT NULL CHECK (source <> ''),
            imported_at TEXT NOT NULL,
            imported_by TEXT NOT NULL CHECK (imported_by <> ''),
            PRIMARY KEY (region_code, period)
        ) WITHOUT ROWID;
        -- A region's own UCJ targets, entered by an administrator.
        CREATE TABLE coverage_target (
            region_code TEXT NOT NULL CHECK (region_code = '00' OR length(region_code) IN (2, 4)),
            year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
            ucj_percent REAL NOT NULL CHECK (ucj_percent BETWEEN 0 AND 100),
            source TEXT NOT NULL CHECK (source <> ''),
            set_at TEXT NOT NULL,
            set_by TEXT NOT NULL CHECK (set_by <> ''),
            PRIMARY KEY (region_code, year)
        ) WITHOUT ROWID;
        """
}
