import LindungClaims
import LindungCore
import LindungStorage
import Testing

/// The queue's overdue rule (a Lindung convention, `claim.overdue_working_days` = 5): the SQL cut-off the
/// lists use agrees with the flag each claim carries, day by day.
@Suite struct ClaimQueueRuleTests {
    func claim(submitted day: CalendarDate, status: String = "submitted") -> ClaimRecord {
        ClaimRecord(
            id: "K", type: "jkm", detail: "", nik: ServerFixtures.budi.nik, eventDate: day, submittedBy: "x", submitterRole: "heir", status: status,
            amount: 0, payer: "bpjs", submittedAt: day.iso + "T09:00:00Z")
    }

    @Test("on 15 June 2025 claims submitted before 5 June are overdue (Idul Adha on the 6th not counted), the cut-off agrees")
    func cutoffAgreesWithTheFlag() throws {
        let today = ServerFixtures.today
        let holidays = ServerFixtures.holidays
        let cutoff = try #require(ClaimQueue.overdueCutoff(today: today, holidays: holidays))
        #expect(cutoff == ServerFixtures.day("2025-06-05"))
        #expect(ClaimQueue.waitingDays(claim(submitted: ServerFixtures.day("2025-06-04")), today: today, holidays: holidays) == 6)
        #expect(ClaimQueue.waitingDays(claim(submitted: ServerFixtures.day("2025-06-05")), today: today, holidays: holidays) == 5)
        var day = ServerFixtures.day("2025-05-01")
        while day <= today {
            #expect(ClaimQueue.isOverdue(claim(submitted: day), today: today, holidays: holidays) == (day < cutoff), "\(day.iso)")
            day = day.adding(days: 1)
        }
        // Paid and rejected claims are never overdue
        #expect(!ClaimQueue.isOverdue(claim(submitted: ServerFixtures.day("2025-05-01"), status: "paid"), today: today, holidays: holidays))
        #expect(!ClaimQueue.isOverdue(claim(submitted: ServerFixtures.day("2025-05-01"), status: "rejected"), today: today, holidays: holidays))
    }
}
