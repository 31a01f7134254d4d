#!/usr/bin/env python3
"""Writes a valid worker CSV of N distinct people in Kabupaten Serang (3604) for benchmarks.

Usage: make-worker-file.py ROWS PATH
Each NIK is unique: district 01-99, birth date 1970-2004 (women with day + 40), serial 0001-9999.
"""
import random
import sys

rows, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(1)
first = ["Siti", "Budi", "Dewi", "Agus", "Rina", "Joko", "Wati", "Ahmad", "Nur", "Eko"]
last = ["Santoso", "Lestari", "Wijaya", "Rahayu", "Saputra", "Hidayat", "Kurniawan", "Pratama"]
seen = set()
with open(path, "w", encoding="utf-8") as out:
    out.write("NIK,Nama,Upah,Tanggal Mulai\n")
    index = 0
    while index < rows:
        female = rng.random() < 0.45
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1970, 2004)
        district, serial = rng.randint(1, 99), rng.randint(1, 9999)
        nik = f"3604{district:02d}{day + (40 if female else 0):02d}{month:02d}{year % 100:02d}{serial:04d}"
        if nik in seen:
            continue
        seen.add(nik)
        wage = rng.randint(5_200_000, 15_000_000)
        out.write(f"{nik},{rng.choice(first)} {rng.choice(last)},{wage},2025-01-{rng.randint(1, 28):02d}\n")
        index += 1
