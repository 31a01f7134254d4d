import Foundation
import Hummingbird
import LindungCompliance
import LindungCore
import LindungStorage

/// Issue 6's pages: `/compliance` (the region's overview: open findings by kind and ladder stage, and the list
/// to act on, next deadline first), `/compliance/{identifier}` (an employer's or licence's findings with their
/// evidence, ladder steps, certificate status and letters) and the letters themselves. Administrators and
/// auditors see everything, a regional officer its region; every other role, and anything outside the
/// region, is the 404 page. The ladder is moved by `lindung compliance advance` (it runs over all regions at
/// once), so these pages only read.
enum CompliancePages {
    /// The most findings the overview lists.
    static let listLimit = 200

    /// Who may see compliance pages: the roles that oversee a region or everything.
    static func mayView(_ role: Account.Role) -> Bool { [.administrator, .auditor, .regionalOfficer].contains(role) }

    static func overview(_ request: Request, _ context: ServerRequestContext, _ page: PageCall) async throws -> Response {
        let viewer = page.reader.viewer
        guard mayView(viewer.account.role) else { throw APIError.notFound("no compliance overview for a \(viewer.account.role.rawValue)") }
        let asked = request.uri.queryParameters["region"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        if let asked, ![2, 4].contains(asked.count) || !asked.allSatisfy(\.isNumber) {
            throw APIError.invalid("region must be a province (2 digits) or regency/city code (4 digits), not '\(asked)'")
        }
        let region: String?
        if viewer.seesEverything {
            region = asked
        } else {
            let scope = viewer.account.scope ?? ""
            guard asked.map({ $0.hasPrefix(scope) }) ?? true else { throw APIError.notFound("region \(asked ?? "") is outside the scope") }
            region = asked ?? scope
        }
        let overview = try await page.store.complianceOverview(region: region, limit: listLimit)
        let strings = page.language.strings
        let stages = WarningLetter.stages
        let regions = try? ReferenceData().regions
        let values: [String: Any] = [
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
        ]
        return try page.page("compliance", title: "compliance_overview", values)
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
