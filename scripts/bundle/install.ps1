# 不联网安装 drafter：在本文件所在的文件夹中创建虚拟环境 .venv，从 wheels 文件夹安装，
# 再用示例事实表生成“示例初稿.docx”，检查安装是否成功。
#
# 运行方法：在本文件夹中打开 PowerShell，输入
#   powershell -ExecutionPolicy Bypass -File install.ps1
#
# Written for Windows PowerShell 5.1 (the one every Windows 10/11 has): no && or ||; every
# native command is checked through $LASTEXITCODE (a failing .exe does not stop a script);
# native stderr is never redirected while $ErrorActionPreference is 'Stop' (5.1 turns it into a
# terminating error), so the preference stays 'Continue'.  offline-bundle.sh saves this file as
# UTF-8 with a BOM and CRLF: without the BOM, 5.1 reads it in the ANSI code page.

$ErrorActionPreference = 'Continue'
$here = $PSScriptRoot
$check = Join-Path $here 'check_python.py'
$wheels = Join-Path $here 'wheels'
$venv = Join-Path $here '.venv'
$sample = Join-Path $here 'samples\edu-bureau-2024.yaml'
$draft = Join-Path $here '示例初稿.docx'

function Stop-Install([string]$message) {
    Write-Host "错误：$message" -ForegroundColor Red
    exit 1
}

# The py launcher picks a version exactly; plain `python` may be any version, or the
# Microsoft Store stub, which check_python.py rejects like any unusable Python.
$candidates = @()
if (Get-Command py -ErrorAction SilentlyContinue) {
    foreach ($version in @('3.13', '3.12', '3.11')) {
        $candidates += , @('py', "-$version")
    }
}
if (Get-Command python -ErrorAction SilentlyContinue) {
    $candidates += , @('python')
}

$python = $null
foreach ($candidate in $candidates) {
    $exe = $candidate[0]
    $pre = @($candidate | Select-Object -Skip 1)
    & $exe @pre $check *> $null
    if ($LASTEXITCODE -eq 0) {
        $python = $candidate
        break
    }
}
if ($null -eq $python) {
    if (Get-Command python -ErrorAction SilentlyContinue) {
        & python $check
    }
    Stop-Install '没有找到可用的 Python。请先安装 64 位的 Python @PY_HIGH@（或 @PYTHONS@ 中的任一版本），安装时勾选“Add python.exe to PATH”，然后重新运行本脚本。'
}
$exe = $python[0]
$pre = @($python | Select-Object -Skip 1)
& $exe @pre $check

Write-Host "正在创建虚拟环境：$venv"
& $exe @pre -m venv $venv
if ($LASTEXITCODE -ne 0) {
    Stop-Install '无法创建虚拟环境，见上面的信息。'
}

Write-Host '正在从 wheels 文件夹安装 drafter（不联网）……'
# --isolated ignores the user's pip settings and PIP_* variables; --no-index never goes online.
$venvPython = Join-Path $venv 'Scripts\python.exe'
& $venvPython -m pip --isolated --disable-pip-version-check install -q --no-index --find-links $wheels drafter
if ($LASTEXITCODE -ne 0) {
    Stop-Install '安装失败，见上面的信息。'
}

Write-Host '正在用示例事实表生成初稿，检查安装是否成功……'
$drafter = Join-Path $venv 'Scripts\drafter.exe'
& $drafter render $sample -o $draft --force
if ($LASTEXITCODE -ne 0) {
    Stop-Install 'drafter 已安装，但生成示例初稿失败，见上面的信息。'
}

Write-Host ''
Write-Host '安装完成。以后在 PowerShell 中使用时，可以直接运行（先 cd 到本文件夹）：'
Write-Host '  .\.venv\Scripts\drafter.exe render 事实表.yaml -o 初稿.docx --force'
Write-Host '或者先激活虚拟环境，之后直接输入 drafter：'
Write-Host '  Set-ExecutionPolicy -Scope Process -ExecutionPolicy Bypass'
Write-Host '  .\.venv\Scripts\Activate.ps1'
exit 0
