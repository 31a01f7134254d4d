import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LindungClaims
import LindungCore
import LindungStorage
import LindungStorageSQLite
import Testing

/// `/api/v1/claims` (issue 8): roles and scope, the maker-checker workflow over HTTP, document uploads,
/// re-submission and the work queue. Budi and Siti work for PT Maju Jaya (KC-SRG, region 3604); April 2025
/// is billed and unpaid, so on 1 June 2025 they are in arrears: covered.
@Suite struct ClaimRouteTests {
    static let budi = ServerFixtures.budi.nik
    static let siti = ServerFixtures.siti.nik

    @Test("a JKM claim is submitted by the branch and by the employer, refused to reading roles and out of scope")
    func submitPerRole() async throws {
        try await withClaimServer { client, _, _ in
            let claims = ClaimClient(client: client)
            // Given a death on 1 June 2025, after PP 82/2019: Rp42,000,000 (ruling 6), fewer than 36 months: no scholarship
            let (status, body) = try await claims.submitJKM(nik: Self.budi)
            #expect(status == .created)
            #expect(body.claim["amount"] as? Int == 42_000_000)
            #expect(body.claim["status"] as? String == "submitted")
            #expect(body.claim["submitter_role"] as? String == "heir")
            #expect(body.claim["submitted_by"] as? String == "api@test:kc-serang")
            #expect(body["eligible"] as? Bool == true)
            #expect(body["missing_documents"] as? [String] == ClaimClient.jkmDocuments)
            #expect((body["history"] as? [[String: Any]])?.map { $0["action"] as? String } == ["submit"])
            // The employer submits for its own worker, as `employer`
            let (byEmployer, employerBody) = try await claims.submitJKM(nik: Self.siti, token: "employer-a")
            #expect(byEmployer == .created)
            #expect(employerBody.claim["submitter_role"] as? String == "employer")
            #expect(employerBody.claim["nik"] as? String == "3604••••••••0002")
            // Another branch, another employer: the person is not theirs (404); reading roles may not submit (403)
            #expect(try await claims.submitJKM(nik: Self.budi, token: "branch-tgr").0 == .notFound)
            #expect(try await claims.submitJKM(nik: Self.budi, token: "employer-b").0 == .notFound)
            #expect(try await claims.submitJKM(nik: Self.budi, token: "auditor-token").0 == .forbidden)
            #expect(try await claims.submitJKM(nik: Self.budi, token: "region-3604").0 == .forbidden)
            // An employer cannot claim as an heir
            let (asHeir, heirBody) = try await claims.post(
                "/api/v1/claims", token: "employer-a", body: ["type": "jkm", "nik": Self.siti, "event_date": "2025-06-01", "submitter_role": "heir"])
            #expect(asHeir == .badRequest)
            #expect(heirBody.errorMessage.contains("submitter_role"))
        }
    }

    @Test("a claim is read by the roles that see its person; others get 404 as for a missing claim")
    func readPerRole() async throws {
        try await withClaimServer { client, _, _ in
            let claims = ClaimClient(client: client)
            let id = try #require(try await claims.submitJKM(nik: Self.budi).1.claim["id"] as? String)
            for token in ["admin-token", "branch-srg", "region-3604", "employer-a"] {
                #expect(try await claims.get("/api/v1/claims/\(id)", token: token).0 == .ok, "\(token)")
            }
            let (_, asAuditor) = try await claims.get("/api/v1/claims/\(id)", token: "auditor-token")
            #expect(asAuditor.claim["nik"] as? String == "3604••••••••0001")
            for token in ["branch-tgr", "employer-b", "region-3603", "agency-token"] {
                let (status, body) = try await claims.get("/api/v1/claims/\(id)", token: token)
                #expect(status == .notFound, "\(token)")
                #expect(body.errorCode == "not_found")
            }
            #expect(try await claims.get("/api/v1/claims/K00000000", token: "admin-token").0 == .notFound)
        }
    }

    @Test("maker-checker over HTTP: the officer who verified cannot approve (409 maker_checker); another does; paid once per reference")
    func makerChecker() async throws {
        try await withClaimServer { client, store, _ in
            let claims = ClaimClient(client: client)
            let id = try await claims.completeJKM(nik: Self.budi)
            // Only deciding roles verify (403 by role), and only in scope (404)
            #expect(try await claims.post("/api/v1/claims/\(id)/verify", token: "employer-a").0 == .forbidden)
            #expect(try await claims.post("/api/v1/claims/\(id)/verify", token: "auditor-token").0 == .forbidden)
            #expect(try await claims.post("/api/v1/claims/\(id)/verify", token: "branch-tgr").0 == .notFound)
            let (verified, verifiedBody) = try await claims.post("/api/v1/claims/\(id)/verify", token: "branch-srg")
            #expect(verified == .ok)
            #expect(verifiedBody.claim["status"] as? String == "verified")
            #expect(verifiedBody.claim["verified_by"] as? String == "api@test:kc-serang")
            // The same officer approving is refused with a stable code, and nothing changes
            let (same, sameBody) = try await claims.post("/api/v1/claims/\(id)/approve", token: "branch-srg")
            #expect(same == .conflict)
            #expect(sameBody.errorCode == "maker_checker")
            #expect(sameBody.errorMessage.contains("another officer must approve it"))
            #expect(try await store.claim(id: id)?.status == "verified")
            // Another officer approves
            let (approved, approvedBody) = try await claims.post("/api/v1/claims/\(id)/approve", token: "admin-token")
            #expect(approved == .ok)
            #expect(approvedBody.claim["approved_by"] as? String == "api@test:admin")
            // Paid under an Idempotency-Key; the same key again changes nothing
            let key = HTTPField.Name("Idempotency-Key")!
            let (paid, paidBody) = try await claims.post("/api/v1/claims/\(id)/pay", token: "admin-token", extra: [key: "TRF-2025-0001"])
            #expect(paid == .ok)
            #expect(paidBody.claim["status"] as? String == "paid")
            #expect(paidBody.claim["payment_reference"] as? String == "TRF-2025-0001")
            let (again, _) = try await claims.post("/api/v1/claims/\(id)/pay", token: "admin-token", extra: [key: "TRF-2025-0001"])
            #expect(again == .ok)
            let (otherReference, otherBody) = try await claims.post("/api/v1/claims/\(id)/pay", token: "admin-token", body: ["reference": "TRF-OTHER"])
            #expect(otherReference == .conflict)
            #expect(otherBody.errorCode == "conflict")
            let history = try await store.claimEvents(id: id)
            #expect(history.map(\.action) == ["submit", "submit", "submit", "submit", "submit", "submit", "submit", "verify", "approve", "pay"])
            #expect(history.last?.actor == "api@test:admin")
            #expect(history.last?.note == "TRF-2025-0001")
        }
    }

    @Test("every step route: 403 for reading roles, 404 out of scope, nothing changed")
    func stepRoutesPerRole() async throws {
        try await withClaimServer { client, store, _ in
            let claims = ClaimClient(client: client)
            let id = try #require(try await claims.submitJKM(nik: Self.budi).1.claim["id"] as? String)
            let steps: [(String, [String: Any]?)] = [
                ("verify", nil), ("approve", nil), ("pay", ["reference": "TRF-1"]), ("reject", ["reason": "x"]), ("resubmit", nil),
            ]
            for (step, body) in steps {
                for token in ["auditor-token", "region-3604"] {
                    #expect(try await claims.post("/api/v1/claims/\(id)/\(step)", token: token, body: body).0 == .forbidden, "\(token) \(step)")
                }
                for token in ["branch-tgr", "employer-b"] where !(token == "employer-b" && step != "resubmit") {
                    #expect(try await claims.post("/api/v1/claims/\(id)/\(step)", token: token, body: body).0 == .notFound, "\(token) \(step)")
                }
                #expect(try await claims.post("/api/v1/claims/\(id)/\(step)", token: "branch-tgr", body: body).1.errorCode == "not_found")
            }
            // Employers submit and re-submit but do not decide
            for step in ["verify", "approve", "pay", "reject"] {
                #expect(try await claims.post("/api/v1/claims/\(id)/\(step)", token: "employer-a", body: ["reference": "R", "reason": "r"]).0 == .forbidden)
            }
            #expect(try await store.claimEvents(id: id).map(\.action) == ["submit"])
            #expect(try await store.claim(id: id)?.status == "submitted")
        }
    }

    @Test("a claim with documents missing cannot be verified (409, the kinds named)")
    func verifyNeedsTheChecklist() async throws {
        try await withClaimServer { client, _, _ in
            let claims = ClaimClient(client: client)
            let id = try #require(try await claims.submitJKM(nik: Self.budi).1.claim["id"] as? String)
            let (status, body) = try await claims.post("/api/v1/claims/\(id)/verify", token: "branch-srg")
            #expect(status == .conflict)
            #expect(body.errorMessage.contains("documents missing: identity_card, membership_card, death_certificate"))
        }
    }

    @Test("uploads: too large, not a PDF/JPEG/PNG, an unknown kind or not multipart are refused with the reason; a reading role 403")
    func uploadRefusals() async throws {
        try await withClaimServer { client, store, _ in
            let claims = ClaimClient(client: client)
            let id = try #require(try await claims.submitJKM(nik: Self.budi).1.claim["id"] as? String)
            // 5 MiB and one byte, starting like a PDF
            var large = ClaimClient.pdf
            large.append(Data(repeating: 0x20, count: ClaimDocumentCheck.maxBytes + 1 - large.count))
            let (tooLarge, tooLargeBody) = try await claims.upload(id, kind: "identity_card", data: large)
            #expect(tooLarge == .badRequest)
            #expect(tooLargeBody.errorCode == "invalid_input")
            #expect(tooLargeBody.errorMessage.contains("larger than the limit of 5242880 bytes"))
            // Far larger: refused before it is read whole
            let (huge, hugeBody) = try await claims.upload(id, kind: "identity_card", data: Data(repeating: 0x25, count: 6 << 20))
            #expect(huge == .badRequest)
            #expect(hugeBody.errorMessage.contains("larger than the limit"))
            // A GIF named .pdf: the first bytes decide
            let (gif, gifBody) = try await claims.upload(id, kind: "identity_card", data: Data("GIF89a....".utf8), fileName: "ktp.pdf")
            #expect(gif == .badRequest)
            #expect(gifBody.errorMessage.contains("not a PDF, JPEG or PNG file"))
            let (kind, kindBody) = try await claims.upload(id, kind: "selfie", data: ClaimClient.pdf)
            #expect(kind == .badRequest)
            #expect(kindBody.errorMessage.contains("invalid document kind 'selfie'"))
            let (json, _) = try await claims.post("/api/v1/claims/\(id)/documents", token: "branch-srg", body: ["kind": "identity_card"])
            #expect(json == .badRequest)
            #expect(try await claims.upload(id, kind: "identity_card", data: ClaimClient.pdf, token: "auditor-token").0 == .forbidden)
            #expect(try await claims.upload(id, kind: "identity_card", data: ClaimClient.pdf, token: "branch-tgr").0 == .notFound)
            #expect(try await store.claimDocuments(id: id).isEmpty)
            // A PNG is accepted and listed with its checked type and hash
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x01])
            let (accepted, acceptedBody) = try await claims.upload(id, kind: "identity_card", data: png, fileName: "ktp.png")
            #expect(accepted == .created)
            let document = try #require((acceptedBody["documents"] as? [[String: Any]])?.first)
            #expect(document["content_type"] as? String == "image/png")
            #expect(document["file_name"] as? String == "ktp.png")
            #expect(document["size"] as? Int == 10)
            #expect((acceptedBody["checklist"] as? [[String: Any]])?.first?["provided"] as? Bool == true)
        }
    }

    @Test("a rejected claim (reason required) is re-submitted over the API: a new round, the history in order")
    func rejectAndResubmit() async throws {
        try await withClaimServer { client, _, _ in
            let claims = ClaimClient(client: client)
            let id = try #require(try await claims.submitJKM(nik: Self.budi, token: "employer-a").1.claim["id"] as? String)
            let (noReason, noReasonBody) = try await claims.post("/api/v1/claims/\(id)/reject", token: "branch-srg", body: ["reason": "  "])
            #expect(noReason == .badRequest)
            #expect(noReasonBody.errorMessage.contains("'reason' is required"))
            let (rejected, rejectedBody) = try await claims.post(
                "/api/v1/claims/\(id)/reject", token: "branch-srg", body: ["reason": "akta kematian belum dilampirkan"])
            #expect(rejected == .ok)
            #expect(rejectedBody.claim["status"] as? String == "rejected")
            #expect(rejectedBody.claim["rejection_reason"] as? String == "akta kematian belum dilampirkan")
            // A rejected claim takes documents, then the employer re-submits it
            #expect(try await claims.upload(id, kind: "death_certificate", data: ClaimClient.pdf, token: "employer-a").0 == .created)
            #expect(try await claims.post("/api/v1/claims/\(id)/resubmit", token: "auditor-token").0 == .forbidden)
            let (resubmitted, body) = try await claims.post("/api/v1/claims/\(id)/resubmit", token: "employer-a")
            #expect(resubmitted == .ok)
            #expect(body.claim["status"] as? String == "submitted")
            #expect(body.claim["round"] as? Int == 2)
            #expect(body.claim["rejection_reason"] is NSNull)
            #expect(body.claim["amount"] as? Int == 42_000_000)
            let history = try #require(body["history"] as? [[String: Any]])
            #expect(history.map { $0["action"] as? String } == ["submit", "reject", "submit", "resubmit"])
            #expect(history[1]["note"] as? String == "akta kematian belum dilampirkan")
            // Re-submitting a submitted claim is out of order
            let (twice, twiceBody) = try await claims.post("/api/v1/claims/\(id)/resubmit", token: "employer-a")
            #expect(twice == .conflict)
            #expect(twiceBody.errorCode == "conflict")
        }
    }

    @Test("the work queue: open claims in scope, oldest first, overdue after 5 working days flagged, paginated")
    func workQueue() async throws {
        try await withClaimServer { client, _, clock in
            let claims = ClaimClient(client: client)
            // Given Siti's claim submitted on Monday 2 June and Budi's on Friday 13 June; today is 15 June
            clock.set("2025-06-02")
            let old = try #require(try await claims.submitJKM(nik: Self.siti).1.claim["id"] as? String)
            clock.set("2025-06-13")
            let recent = try #require(try await claims.submitJKM(nik: Self.budi).1.claim["id"] as? String)
            let (status, queue) = try await claims.get("/api/v1/claims?queue=true", token: "branch-srg")
            #expect(status == .ok)
            let items = try #require(queue["items"] as? [[String: Any]])
            #expect(items.map { $0["id"] as? String } == [old, recent])
            // 3–5, 10–13 June are working days; 6 June (Idul Adha) is a national holiday, 9 June collective leave counts
            #expect(items[0]["waiting_working_days"] as? Int == 8)
            #expect(items[0]["overdue"] as? Bool == true)
            #expect(items[1]["overdue"] as? Bool == false)
            let (_, overdue) = try await claims.get("/api/v1/claims?overdue=true", token: "branch-srg")
            #expect((overdue["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [old])
            let (_, page) = try await claims.get("/api/v1/claims?status=submitted&limit=1", token: "branch-srg")
            #expect((page["items"] as? [[String: Any]])?.count == 1)
            #expect(page["next_offset"] as? Int == 1)
            // Another branch's queue is empty; the auditor sees both; a bad status is refused
            #expect((try await claims.get("/api/v1/claims", token: "branch-tgr").1["items"] as? [Any])?.isEmpty == true)
            #expect((try await claims.get("/api/v1/claims", token: "auditor-token").1["items"] as? [Any])?.count == 2)
            #expect(try await claims.get("/api/v1/claims?status=open", token: "branch-srg").0 == .badRequest)
            #expect((try await claims.get("/api/v1/claims?status=paid", token: "branch-srg").1["items"] as? [Any])?.isEmpty == true)
        }
    }
}
