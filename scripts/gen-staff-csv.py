#!/usr/bin/env python3
"""Deterministic staff CSV for `make bench-org`'s import run.

    gen-staff-csv.py CODES_FILE OUT_CSV [ROWS] [SEED]

CODES_FILE holds existing top-level unit codes, one a line (e.g. DV0001). The CSV has the
import's Vietnamese headers (UTF-8, no BOM):

    Mã đơn vị,Họ và tên,Chức vụ,Điện thoại,E-mail,Lãnh đạo

Every row has a unique mobile number 092xxxxxxx: the demo generator never uses the 092 prefix,
so the numbers cannot clash with the seeded staff. About a third of the rows have an e-mail
address (unique, under bench-import.example.vn); about one in twenty is a leader ("Có").
The same arguments always give the same file, byte for byte.
"""
import csv
import random
import sys

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
          "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Xuân", "Thu", "Hoài", "Kim"]
GIVEN = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương",
         "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Nhung", "Phong", "Phương", "Quân",
         "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Tuấn", "Vy", "Yến"]
POSITIONS = ["Nhân viên", "Chuyên viên", "Kế toán", "Bảo vệ", "Kỹ thuật viên", "Cán bộ",
             "Văn thư", "Lái xe", "Giáo viên", "Công nhân"]
LEADER_POSITIONS = ["Trưởng phòng", "Phó trưởng phòng", "Giám đốc", "Phó giám đốc"]
HEADERS = ["Mã đơn vị", "Họ và tên", "Chức vụ", "Điện thoại", "E-mail", "Lãnh đạo"]


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    codes_file, out = sys.argv[1], sys.argv[2]
    rows = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 20261122
    with open(codes_file, encoding="utf-8") as f:
        codes = sorted({line.strip() for line in f if line.strip()})
    if not codes:
        print(f"no unit codes in {codes_file}", file=sys.stderr)
        return 1
    if rows > 10_000_000:
        print("at most 10,000,000 rows (092 + 7 digits)", file=sys.stderr)
        return 1
    rng = random.Random(seed)
    # A fixed odd stride over 10^7 visits every 7-digit serial once: unique, but not sequential.
    stride = 7_919_237
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(HEADERS)
        for i in range(rows):
            leader = rng.random() < 0.05
            name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            position = rng.choice(LEADER_POSITIONS if leader else POSITIONS)
            phone = "092" + f"{(i * stride + 1_234_567) % 10_000_000:07d}"
            email = f"nv{i + 1:05d}@bench-import.example.vn" if rng.random() < 0.33 else ""
            w.writerow([codes[i % len(codes)], name, position, phone, email, "Có" if leader else "Không"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
