#!/usr/bin/env python3
"""The real-browser test of issue 5: headless Chromium (Debian's chromium and chromium-driver, driven by
Selenium from PyPI) against a running `lindung serve --demo`.

It logs in with the demo login, opens the dashboard, registers an employer through the import page
(preview, confirm, result), uploads a workers CSV with a bad row and checks the row error the page shows
(and that nothing can be confirmed), uploads the corrected file, confirms it and checks the result and
the employer's page. Screenshots of every step go to the output folder (.ci/out/ by default).

    python3 .ci/browser-test.py --url http://127.0.0.1:PORT --username demo-admin --password PASSWORD [--out DIR]

`.ci/server-checks.sh` starts the server and runs this. Exits non-zero on the first failed check.
"""
import argparse
import os
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.support.ui import Select, WebDriverWait

# An employer that is not in the demo province, and two workers for it in Kabupaten Serang (3604). NIKs
# carry the birth date (DDMMYY, day + 40 for women) as the registry checks.
NPP = "36999901"
EMPLOYERS_CSV = (
    "NPP;Nama;Jenis;NIB;NPWP;Kode Wilayah;Pemda Induk;Kelas Risiko;Skala Usaha;Kantor Cabang\n"
    f"{NPP};PT Uji Peramban;perusahaan;;;3604;;2;kecil;\n"
)
HEADER = "NIK;Nama;Tanggal Lahir;Jenis Kelamin;Upah;Tanggal Mulai;Program\n"
GOOD_ROWS = (
    "3604014403929991;Sri Peramban;04/03/1992;P;6.000.000;01/01/2025;JKK, JKM, JHT, JP, JKP\n"
    "3604011705909992;Bayu Peramban;1990-05-17;L;Rp6.250.000;2025-01-01;JKK, JKM, JHT, JP, JKP\n"
)
# Row 3 (the second data row) has a 15-digit NIK.
BAD_ROWS = (
    "3604014403929991;Sri Peramban;04/03/1992;P;6.000.000;01/01/2025;JKK, JKM, JHT, JP, JKP\n"
    "360401170590999;Bayu Peramban;1990-05-17;L;Rp6.250.000;2025-01-01;JKK, JKM, JHT, JP, JKP\n"
)


class Check:
    def __init__(self, driver, out):
        self.driver = driver
        self.out = out
        self.step = 0

    def shot(self, name):
        self.step += 1
        path = os.path.join(self.out, f"{self.step:02d}-{name}.png")
        self.driver.save_screenshot(path)
        print(f"  screenshot {path}")

    def fail(self, message):
        self.shot("failure")
        print(f"FAILED: {message}\n  at {self.driver.current_url}", file=sys.stderr)
        sys.exit(1)

    def expect(self, condition, message):
        if not condition:
            self.fail(message)
        print(f"  ok: {message}")

    def wait_for(self, element_id, seconds=30):
        try:
            return WebDriverWait(self.driver, seconds).until(EC.presence_of_element_located((By.ID, element_id)))
        except Exception:
            self.fail(f"#{element_id} did not appear")

    def text(self, element_id):
        return self.driver.find_element(By.ID, element_id).text.strip()


def write(directory, name, content):
    path = os.path.join(directory, name)
    with open(path, "w", encoding="utf-8") as file:
        file.write(content)
    return path


def upload(check, url, kind, path, employer=""):
    driver = check.driver
    driver.get(url + "/imports")
    check.wait_for("import-submit")
    Select(driver.find_element(By.NAME, "kind")).select_by_value(kind)
    field = driver.find_element(By.NAME, "employer")
    field.clear()
    if employer:
        field.send_keys(employer)
    driver.find_element(By.NAME, "file").send_keys(path)
    driver.find_element(By.ID, "import-submit").click()
    check.wait_for("import-summary")


def error_rows(driver):
    rows = []
    for tr in driver.find_elements(By.CSS_SELECTOR, "#import-errors tbody tr"):
        rows.append([td.text.strip() for td in tr.find_elements(By.TAG_NAME, "td")])
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--out", default=".ci/out")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--driver", default="/usr/bin/chromedriver")
    args = parser.parse_args()
    url = args.url.rstrip("/")
    os.makedirs(args.out, exist_ok=True)
    files = tempfile.mkdtemp(prefix="lindung-browser-")

    options = Options()
    options.binary_location = args.chromium
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1000", "--lang=id"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(args.driver), options=options)
    driver.set_page_load_timeout(60)
    check = Check(driver, args.out)
    try:
        print("login")
        driver.get(url + "/")
        check.expect(driver.current_url.startswith(url + "/login"), "without a session / sends the browser to /login")
        check.shot("login")
        driver.find_element(By.ID, "username").send_keys(args.username)
        driver.find_element(By.ID, "password").send_keys("not-" + args.password)
        driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]").click()
        # The click returns before the refused login's page has loaded (the bcrypt check takes a moment):
        # wait for the answer, then check it.
        try:
            WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "p.alert"))
        except TimeoutException:
            pass
        check.expect(driver.find_elements(By.CSS_SELECTOR, "p.alert"), "a wrong password shows the message on the form")
        check.shot("login-refused")
        driver.find_element(By.ID, "username").clear()
        driver.find_element(By.ID, "username").send_keys(args.username)
        driver.find_element(By.ID, "password").send_keys(args.password)
        driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]").click()
        WebDriverWait(driver, 30).until(lambda d: d.current_url.rstrip("/") == url)

        print("dashboard")
        body = driver.find_element(By.TAG_NAME, "body").text
        check.expect(args.username in body, f"the dashboard names the user {args.username}")
        check.expect(driver.find_elements(By.CSS_SELECTOR, "form[action='/logout'] input[name=csrf_token]"),
                     "the dashboard carries the logout form with its CSRF token")
        check.shot("dashboard")

        print("import employers")
        upload(check, url, "employers", write(files, "employers.csv", EMPLOYERS_CSV))
        check.expect(check.text("import-rows-read") == "1" and check.text("import-valid") == "1"
                     and check.text("import-with-errors") == "0", "the employers preview: 1 row read, 1 valid, 0 with errors")
        check.shot("employers-preview")
        driver.find_element(By.ID, "import-confirm").click()
        check.wait_for("import-result")
        check.shot("employers-result")

        print("import workers with a bad row")
        upload(check, url, "workers", write(files, "workers-bad.csv", HEADER + BAD_ROWS), employer=NPP)
        check.expect(check.text("import-rows-read") == "2" and check.text("import-with-errors") == "1",
                     "the bad file's preview: 2 rows read, 1 with errors")
        errors = error_rows(driver)
        check.expect(len(errors) == 1 and errors[0][0] == "3" and "NIK" in errors[0][1].upper(),
                     f"one row error, on row 3, field NIK: {errors}")
        check.expect(not driver.find_elements(By.ID, "import-confirm"), "a file with errors cannot be confirmed")
        check.shot("workers-errors")

        print("import workers, corrected")
        upload(check, url, "workers", write(files, "workers.csv", HEADER + GOOD_ROWS), employer=NPP)
        check.expect(check.text("import-valid") == "2" and check.text("import-with-errors") == "0",
                     "the corrected file's preview: 2 valid, 0 with errors")
        check.expect(not error_rows(driver), "no row errors listed")
        check.shot("workers-preview")
        driver.find_element(By.ID, "import-confirm").click()
        result = check.wait_for("import-result").text
        check.expect("2" in result, f"the result counts the new workers: {result!r}")
        check.shot("workers-result")

        print("the employer's page")
        driver.get(url + f"/employers/{NPP}")
        body = driver.find_element(By.TAG_NAME, "body").text
        check.expect("PT Uji Peramban" in body and "Sri Peramban" in body and "Bayu Peramban" in body,
                     "the employer's page lists the employer and both new workers")
        check.expect("Rp6.250.000" in body, "the wage is shown as Rp6.250.000")
        check.shot("employer")
        print("browser test passed")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
