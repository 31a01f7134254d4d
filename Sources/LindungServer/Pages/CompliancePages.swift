import Foundation
import HTTPTypes
import Hummingbird
import LindungCompliance
import LindungCore
import LindungStorage

/// Issue 6's pages: `/compliance` (the region's overview: open findings by kind and ladder stage, and the list
/// to act on, next deadline first), `/compliance/{identifier}` (an employer's or licence's findings with their
/// evidence, ladder steps, certificate status and letters) and the letters themselves. Administrators and
/// auditors see everything, a regional officer its region; every other role, and anything outside the
/// region, is the 404 page. Administrators and regional officers may move their region's ladder from the
/// overview (`POST /compliance/advance`, CSRF-protected), as `lindung compliance advance` does for everything.
enum CompliancePages {
    /// The most findings the overview lists.
    static let listLimit = 200
    /// Region names and the holiday calendar for the letters, read once.
    static let reference = Result { try ReferenceData() }

    /// Who may see compliance pages: the roles that oversee a region or everything.
    static func mayView(_ role: Account.Role) -> Bool { [.administrator, .auditor, .regionalOfficer].contains(role) }

    static func overview(_ request: Request, _ context: ServerRequestContext, _ page: PageCall) async throws -> Response {
        let viewer = page.reader.viewer
        guard mayView(viewer.account.role) else { throw APIError.notFound("no compliance overview for a \(viewer.account.role.rawValue)") }
        let asked = request.uri.queryParameters["region"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let region = try region(asked: asked, viewer)
        let overview = try await page.store.complianceOverview(region: region, limit: listLimit)
        let strings = page.language.strings
        let stages = WarningLetter.stages
        let regions = try? reference.get().regions
        var values: [String: Any] = [
            "region": region.map { code in regions?.region(code: code).map { "\($0.name) (\(code))" } ?? code } ?? strings["everywhere"]!,
            "stages": stages.map { ["label": strings["stage_\($0.rawValue)"]!] },
            "kinds": FindingKind.allCases.map { kind in
                [
                    "label": strings["finding_\(kind.rawValue)"]!, "kind": kind.rawValue,
                    "cells": stages.map { ["count": overview.counts[kind]?[$0] ?? 0] }, "total": overview.count(kind: kind),
                ] as [String: Any]
            },
            "stage_totals": stages.map { ["count": overview.count(stage: $0)] },
            "open": overview.open, "cured": overview.cured,
            "items": overview.toAct.map { item in
                [
                    "subject": item.finding.subject, "name": item.name, "kind": strings["finding_\(item.finding.kind.rawValue)"]!,
                    "stage": strings["stage_\(item.finding.position.stage.rawValue)"]!, "region": item.finding.regionCode,
                    "due": PageFormat.date(item.finding.position.dueOn, page.language), "opened": PageFormat.date(item.finding.openedOn, page.language),
                ] as [String: Any]
            },
            "has_items": !overview.toAct.isEmpty, "truncated": overview.open > overview.toAct.count, "limit": listLimit,
            "can_advance": mayAdvance(viewer.account.role), "csrf_token": page.session.csrfToken, "asked_region": asked ?? "",
            "today": PageFormat.date(page.call.environment.today(), page.language),
        ]
        if let advanced = request.uri.queryParameters["advanced"].flatMap({ Int(String($0)) }) { values["advanced"] = ["count": advanced] }
        return try page.page("compliance", title: "compliance_overview", values)
    }

    /// Who may move the ladder from the overview: administrators (any region) and regional officers (their own).
    static func mayAdvance(_ role: Account.Role) -> Bool { [.administrator, .regionalOfficer].contains(role) }

    /// The region a page works on: what was asked (a 2- or 4-digit code) within the viewer's scope, else the
    /// scope itself (nil: everything, for the unscoped roles). Outside the scope is a 404.
    static func region(asked: String?, _ viewer: Viewer) throws -> String? {
        if let asked, ![2, 4].contains(asked.count) || !asked.allSatisfy(\.isNumber) {
            throw APIError.invalid("region must be a province (2 digits) or regency/city code (4 digits), not '\(asked)'")
        }
        if viewer.seesEverything { return asked }
        let scope = viewer.account.scope ?? ""
        guard asked.map({ $0.hasPrefix(scope) }) ?? true else { throw APIError.notFound("region \(asked ?? "") is outside the scope") }
        return asked ?? scope
    }

    /// `POST /compliance/advance` (form: `region`, hidden `csrf_token`): takes every ladder step of the region
    /// that ran out by today, as `lindung compliance advance` does for everything, then a 303 to the overview
    /// with the number of steps taken. Auditors and the other roles are refused (403).
    static func advance(_ request: Request, _ context: ServerRequestContext, _ page: PageCall, _ fields: FormFields) async throws -> Response {
        let viewer = page.reader.viewer
        guard mayAdvance(viewer.account.role) else { throw APIError(.forbidden, "a \(viewer.account.role.rawValue) may not move the sanction ladder") }
        let asked = fields.text("region").flatMap { $0.isEmpty ? nil : $0 }
        let region = try region(asked: asked, viewer)
        let steps = try await page.store.advanceSanctions(
            on: page.call.environment.today(), ladder: SanctionLadder(calendar: page.call.environment.holidays), actor: page.call.actor(page.reader),
            region: region)
        let back = "/compliance?advanced=\(steps.count)" + (asked.map { "&region=\($0)" } ?? "")
        return Response(status: .seeOther, headers: [.location: back])
    }

    /// The subject (employer by NPP, or licence by NIB) when the viewer may see it; 404 otherwise.
    static func subject(_ identifier: String, _ page: PageCall) async throws -> ComplianceSubject {
        let viewer = page.reader.viewer
        guard mayView(viewer.account.role), ComplianceSQL.identifierKind(identifier) != nil,
            let subject = try await page.store.complianceSubject(identifier: identifier)
        else { throw APIError.notFound("no employer or licence \(identifier) here") }
        if let npp = subject.npp {
            _ = try await page.reader.employer(npp)
        } else if !viewer.sees(regionCode: subject.regionCode) {
            throw APIError.notFound("licence \(identifier) is outside the scope")
        }
        return subject
    }

    /// Who looked at whose compliance, as the API's questions are (compliance_query_log).
    static func log(_ identifier: String, _ subject: ComplianceSubject, _ page: PageCall) async throws {
        try await page.store.logComplianceQueries([
            ComplianceQueryLogEntry(
                at: ISO8601DateFormatter().string(from: page.call.environment.now()), client: page.account.name, identifier: identifier,
                status: subject.status.rawValue, operation: page.call.operationID)
        ])
    }
}
