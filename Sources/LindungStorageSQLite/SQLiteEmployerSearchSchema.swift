/// Migration `0011_employer_name_search`: a B-tree on `employer(name)` (a common word is paged by walking
/// names in order) and an FTS5 trigram index of the names, kept by triggers (a rare word is found through
/// the index instead of by reading every name). Both are small: one row per employer (80,000 at most).
enum SQLiteEmployerSearchSchema {
    static let sql = """
        CREATE INDEX employer_name ON employer(name);
        CREATE VIRTUAL TABLE employer_name_fts USING fts5(name, content='employer', content_rowid='id', tokenize='trigram');
        INSERT INTO employer_name_fts(employer_name_fts) VALUES ('rebuild');
        CREATE TRIGGER employer_name_fts_insert AFTER INSERT ON employer
        BEGIN INSERT INTO employer_name_fts(rowid, name) VALUES (new.id, new.name); END;
        CREATE TRIGGER employer_name_fts_delete AFTER DELETE ON employer
        BEGIN INSERT INTO employer_name_fts(employer_name_fts, rowid, name) VALUES ('delete', old.id, old.name); END;
        CREATE TRIGGER employer_name_fts_update AFTER UPDATE OF id, name ON employer
        BEGIN
            INSERT INTO employer_name_fts(employer_name_fts, rowid, name) VALUES ('delete', old.id, old.name);
            INSERT INTO employer_name_fts(rowid, name) VALUES (new.id, new.name);
        END;
        """
}
