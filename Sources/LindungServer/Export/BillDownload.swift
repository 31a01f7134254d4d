import Foundation
import HTTPTypes
import Hummingbird
import LindungCore
import LindungExport
import LindungStorage

/// `GET /api/v1/bills/{id}/export?format=csv|xlsx` and the bill page's `GET /bills/{id}/export`: the bill
/// as `lindung bill show --format csv|xlsx` writes it (`BillExport`: CSV is the worker detail with English
/// keys, XLSX the bill sheet and the worker sheet in Bahasa Indonesia), as an attachment. NIKs are masked
/// for the roles that see them masked (every cell, including a participant's bill number); for the others
/// every NIK in the file is written to the access log first, as a page of the bill's workers would be.
enum BillDownload {
    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    static func api(_ request: Request, _ context: ServerRequestContext, _ call: Call) async throws -> Response {
        try await response(request, id: try context.pathID("id"), call: call)
    }

    static func page(_ request: Request, _ context: ServerRequestContext, _ page: PageCall) async throws -> Response {
        try await response(request, id: try context.pathID("id"), call: page.call)
    }

    static func response(_ request: Request, id: Int64, call: Call) async throws -> Response {
        let format = request.query("format") ?? "csv"
        guard format == "csv" || format == "xlsx" else { throw APIError.invalid("invalid format '\(format)': csv or xlsx") }
        let bill = try await call.scoped().bill(id)
        let workers = try await call.store.billWorkers(id: bill.id)
        // Disclosure as the API's bill workers: logged when shown in full, masked otherwise.
        let shown = try await call.disclose(workers.map(BillWorkerDTO.init))
        var replacements: [String: String] = [:]
        for (worker, dto) in zip(workers, shown) where worker.nik != dto.nik { replacements[worker.nik] = dto.nik }
        if case .participant(let nik) = bill.debtor {
            let dto = try await call.disclose(BillDTO(bill))
            if dto.debtor_key != nik { replacements[nik] = dto.debtor_key }
        }
        let safeNumber = mask(bill.number, replacements).map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }
        let filename = "tagihan-\(String(safeNumber)).\(format)"
        let body: ByteBuffer
        let type: String
        if format == "csv" {
            body = ByteBuffer(string: CSVWriter.write(mask(BillExport.workerTable(bill, workers, indonesian: false), replacements)))
            type = "text/csv; charset=utf-8"
        } else {
            let sheets = [BillExport.billTable(bill), BillExport.workerTable(bill, workers, indonesian: true)].map { mask($0, replacements) }
            let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("lindung-bill-\(UUID().uuidString).xlsx")
            defer { try? FileManager.default.removeItem(at: temporary) }
            try XLSXWriter.write(sheets, to: temporary)
            body = ByteBuffer(bytes: try Data(contentsOf: temporary))
            type = xlsxType
        }
        return Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(filename)\"", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: body))
    }

    private static func mask(_ text: String, _ replacements: [String: String]) -> String {
        replacements.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }

    private static func mask(_ table: SheetTable, _ replacements: [String: String]) -> SheetTable {
        guard !replacements.isEmpty else { return table }
        var table = table
        table.rows = table.rows.map { row in
            row.map { cell in
                if case .text(let text) = cell { return .text(mask(text, replacements)) }
                return cell
            }
        }
        return table
    }
}
